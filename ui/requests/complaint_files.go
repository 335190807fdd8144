package requests

import (
	"io"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"floordesk/app"
	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// Photos and files on a complaint: attached from a file dialog, opened in
// the system's viewer or saved where the user picks.

// attachmentExtensions are the files the dialog offers; the register
// tells the type by the content.
var attachmentExtensions = []string{".jpg", ".jpeg", ".png", ".pdf", ".JPG", ".JPEG", ".PNG", ".PDF"}

// pickAttachment asks for a photo or PDF and attaches it.
func (sc *Screen) pickAttachment(r *apprequests.RequestRow) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, apprequests.MaxAttachmentBytes+1))
		if err != nil {
			sc.s.Notify(lang.L("requests.attach_unreadable", map[string]string{"Name": rc.URI().Name()}))
			return
		}
		if len(data) > apprequests.MaxAttachmentBytes {
			sc.s.Notify(kit.Say(tooLarge(rc.URI(), len(data))))
			return
		}
		sc.attachFile(r, rc.URI().Name(), data)
	}, sc.s.Window)
	d.SetFilter(storage.NewExtensionFileFilter(attachmentExtensions))
	d.Show()
}

// tooLarge is the register's refusal of a file over the limit, read only
// up to it: with its size on disk when it has one, else what was read.
func tooLarge(u fyne.URI, read int) error {
	size := int64(read)
	if fi, err := os.Stat(u.Path()); err == nil {
		size = fi.Size()
	}
	return app.Invalid("file", "complaint.attachment_too_large", "name", u.Name(),
		"size", strconv.FormatInt((size+1023)/1024, 10), "max", strconv.Itoa(apprequests.MaxAttachmentBytes/1024))
}

// attachFile attaches data as name and shows the complaint again, or
// says why it was refused.
func (sc *Screen) attachFile(r *apprequests.RequestRow, name string, data []byte) {
	if _, err := sc.svc.Attach(sc.s.UserID(), r.ID, apprequests.AttachInput{Name: name, Data: data}); err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	sc.saved(r.ID, lang.L("requests.saved.attach", map[string]string{"Room": r.Where(), "Name": name}))
}

// attachmentRow is one attachment: its name and size, with buttons to
// open and to save it.
func (sc *Screen) attachmentRow(r *apprequests.RequestRow, a apprequests.Attachment, d *detailContent) fyne.CanvasObject {
	open := kit.Reading(widget.NewButton(lang.L("requests.attachment.open"), func() { sc.openAttachment(r.ID, a) }))
	save := kit.Reading(widget.NewButton(lang.L("requests.attachment.save"), func() { sc.saveAttachment(r.ID, a) }))
	d.actions["open/"+a.Event], d.actions["save/"+a.Event] = open, save
	text := lang.L("requests.attachment.line", map[string]string{"Name": a.Name, "KB": kbText(a.Size)})
	return container.NewBorder(nil, nil, nil, container.NewHBox(open, save), wrapLabel(text))
}

func kbText(n int) string { return strconv.Itoa((n + 1023) / 1024) }

// openAttachment writes the attachment into the prints folder and opens
// it in the system's viewer.
func (sc *Screen) openAttachment(id string, a apprequests.Attachment) {
	file, err := sc.svc.ComplaintAttachment(id, a.Event)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	sc.s.OpenDocument(a.Name, func(w io.Writer) error { _, err := w.Write(file.Data); return err }, nil)
}

// saveAttachment asks where to save the attachment and writes it there.
func (sc *Screen) saveAttachment(id string, a apprequests.Attachment) {
	file, err := sc.svc.ComplaintAttachment(id, a.Event)
	if err != nil {
		sc.s.Notify(kit.Say(err))
		return
	}
	kit.AskExportFile(sc.s, a.Name, func(w fyne.URIWriteCloser, err error) {
		sc.writeAttachment(w, err, file.Data)
	})
}

// writeAttachment writes data to the file the save dialog opened and
// says where it is, or that it could not be written.
func (sc *Screen) writeAttachment(w fyne.URIWriteCloser, err error, data []byte) {
	if err == nil {
		_, err = w.Write(data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		sc.s.Notify(kit.SayExport(err))
		return
	}
	sc.s.Notify(lang.L("kit.export_saved", map[string]string{"File": w.URI().Path()}))
}
