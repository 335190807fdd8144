// Package ui holds FloorDesk's Fyne screens. Screens read through narrow
// interfaces they declare themselves, learn about changes from the store's
// change feed, and update widgets only through fyne.Do. All user-facing
// text comes from the translation files in assets, through fyne's lang.
package ui
