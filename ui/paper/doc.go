// Package paper lays out the desk's printed documents as PDF: the
// found-item tag (100×60 mm label), the loan slip the guest signs (A5), the
// signed shift handover sheet and the found-items list for the police (A4).
// Fyne cannot print, so the desk writes the PDF into its prints folder and
// opens it in the system's viewer, which prints (Print, Open).
//
// Each document is a function of the domain's data and a Desk (language,
// time zone, staff names): the package reads no store and imports no Fyne,
// so a test renders a document from plain values. Text comes from the
// desk's translation files (assets/translations), in the desk's language.
// The font is the desk's own Noto Sans SC, as TrueType (assets.PrintRegular),
// embedded as a subset of the characters used.
package paper
