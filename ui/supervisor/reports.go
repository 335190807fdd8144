package supervisor

import (
	"image"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"floordesk/app/reports"
	"floordesk/data/wire"
	"floordesk/export"
	"floordesk/export/xlsx"
	"floordesk/ui/kit"
	"floordesk/ui/paper"
)

// ReportSource is what the reports tab needs: a period's report beside
// the period before (app/reports.Reporter). Safe from any goroutine.
type ReportSource interface {
	Report(p reports.Period) (reports.Report, error)
}

var _ ReportSource = (*reports.Reporter)(nil)

// Chart size on the screen, in millimetres at screenDPI: about 640×280
// pixels, readable beside the tables.
const (
	chartW, chartH = 170.0, 75.0
	screenDPI      = 96
)

// reportsTab shows a period's report: pick the period (or type a range
// of days), read the figures, the charts and the tables, print the
// report or save its tables as a workbook.
type reportsTab struct {
	s        *kit.Session
	src      ReportSource
	span     *widget.Select
	from, to *widget.Entry
	custom   *fyne.Container
	period   *widget.Label
	problem  *widget.Label
	body     *fyne.Container
	print    *widget.Button
	export   *widget.Button
	box      fyne.CanvasObject
	rep      *reports.Report
	week     *reports.TopicWeek // the call topics shown, for tests
	spans    map[string]reports.Span
	// printed, when set, gets the printed file's path (for tests).
	printed func(path string)
}

func newReportsTab(s *kit.Session, src ReportSource) *reportsTab {
	t := &reportsTab{s: s, src: src, from: widget.NewEntry(), to: widget.NewEntry(), period: wrapped(""), problem: wrapped(""),
		body: container.NewVBox(), spans: map[string]reports.Span{}}
	var names []string
	for _, sp := range reports.Spans {
		name := lang.L("report.span." + string(sp))
		t.spans[name] = sp
		names = append(names, name)
	}
	t.span = widget.NewSelect(names, func(string) { t.picked() })
	today := s.Now().In(s.Location())
	t.from.SetText(today.AddDate(0, 0, -29).Format(dateLayout))
	t.to.SetText(today.Format(dateLayout))
	show := widget.NewButtonWithIcon(lang.L("report.show"), theme.ViewRefreshIcon(), t.load)
	t.custom = container.NewHBox(dateWide(t.from), widget.NewLabel(lang.L("supervisor.audit_to")), dateWide(t.to), show)
	t.custom.Hide()
	t.print = widget.NewButtonWithIcon(lang.L("report.print"), theme.DocumentPrintIcon(), t.printReport)
	t.export = widget.NewButtonWithIcon(lang.L("report.export"), theme.DownloadIcon(), t.askExport)
	t.problem.Importance = widget.DangerImportance
	t.problem.Hide()
	tools := container.NewHBox(widget.NewLabel(lang.L("report.period")), t.span, t.custom, t.print, t.export)
	head := container.NewVBox(tools, t.period, t.problem)
	t.box = container.NewBorder(head, nil, nil, nil, container.NewVScroll(t.body))
	return t
}

func (t *reportsTab) title() string { return lang.L("report.tab") }

func (t *reportsTab) content() fyne.CanvasObject { return t.box }

// refresh does nothing: a report is read when a period is picked or the
// tab is opened, not on every change at the desk.
func (t *reportsTab) refresh([]wire.EntityRef) {}

// opened reads this week's report the first time the tab is shown.
func (t *reportsTab) opened() {
	if t.span.Selected == "" {
		t.span.SetSelectedIndex(0)
	}
}

// picked shows the date entries for a range of one's own, or reads the
// report of the period picked.
func (t *reportsTab) picked() {
	if t.spans[t.span.Selected] == reports.Custom {
		t.custom.Show()
		return
	}
	t.custom.Hide()
	t.load()
}

// chosen is the period picked, or a sentence saying what to correct.
func (t *reportsTab) chosen() (reports.Period, string) {
	loc := t.s.Location()
	sp := t.spans[t.span.Selected]
	if sp != reports.Custom {
		p, err := reports.PeriodOf(sp, t.s.Now(), loc)
		if err != nil {
			return p, kit.Say(err)
		}
		return p, ""
	}
	first, err1 := time.ParseInLocation(dateLayout, strings.TrimSpace(t.from.Text), loc)
	last, err2 := time.ParseInLocation(dateLayout, strings.TrimSpace(t.to.Text), loc)
	if err1 != nil || err2 != nil {
		return reports.Period{}, lang.L("report.bad_dates")
	}
	p, err := reports.CustomPeriod(first, last, loc)
	if err != nil {
		return p, kit.Say(err)
	}
	return p, ""
}

// load reads the report of the period chosen and shows it, or says what
// is wrong and keeps what was shown.
func (t *reportsTab) load() {
	p, problem := t.chosen()
	if problem == "" {
		rep, err := t.src.Report(p)
		if err == nil {
			t.show(rep)
			return
		}
		problem = kit.Say(err)
	}
	t.problem.SetText(problem)
	t.problem.Show()
}

func (t *reportsTab) desk() paper.Desk { return t.s.PaperDesk(kit.NewStaffNames(t.s.Svc).Name) }

// show lays out rep: the figures at a glance, the charts, the tables.
func (t *reportsTab) show(rep reports.Report) {
	t.rep = &rep
	t.problem.Hide()
	d := t.desk()
	t.period.SetText(paper.ReportPeriod(d, rep))
	tables := paper.ReportTables(d, rep)
	objs := []fyne.CanvasObject{tableGrid(tables[0])}
	for _, c := range paper.ReportCharts(d, rep) {
		img, err := c.Image(chartW, chartH, screenDPI)
		if err != nil {
			continue
		}
		objs = append(objs, chartImage(img))
	}
	for _, tb := range tables[1:] {
		objs = append(objs, tableGrid(tb))
	}
	objs = append(objs, t.topicTables(rep)...)
	t.body.Objects = objs
	t.body.Refresh()
}

func chartImage(img image.Image) fyne.CanvasObject {
	ci := canvas.NewImageFromImage(img)
	ci.FillMode = canvas.ImageFillContain
	b := img.Bounds()
	ci.SetMinSize(fyne.NewSize(float32(b.Dx()), float32(b.Dy())))
	return container.NewHBox(ci)
}

// tableGrid shows a table under its name: a bold header row, then its
// rows, numbers as the printed report writes them.
func tableGrid(tb export.Table) fyne.CanvasObject {
	grid := container.NewGridWithColumns(len(tb.Header))
	for _, h := range tb.Header {
		grid.Add(widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	_ = tb.Rows.Each(func(row []export.Cell) error {
		for _, c := range row {
			grid.Add(widget.NewLabel(paper.CellText(c)))
		}
		return nil
	})
	if len(grid.Objects) == len(tb.Header) {
		grid.Add(widget.NewLabel("—"))
	}
	title := widget.NewLabelWithStyle(tb.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(title, grid)
}

// printReport prints the report shown and opens it in the system's
// viewer.
func (t *reportsTab) printReport() {
	if t.rep == nil {
		return
	}
	rep, d, now := *t.rep, t.desk(), t.s.Now()
	topics := t.topicExport(d)
	t.s.Print("report", rep.Period.From.Format("20060102"), func(w io.Writer) error { return paper.ReportPDF(w, d, rep, now, topics...) }, t.printed)
}

// askExport asks where to save the report's tables as a workbook.
func (t *reportsTab) askExport() {
	if t.rep == nil {
		return
	}
	name := export.FileName(lang.L("report.title"), t.s.Now().In(t.s.Location()), export.XLSX)
	kit.AskExportFile(t.s, name, t.saveExport)
}

// saveExport writes the tables shown to w, a sheet each, and says where
// the file went or why not.
func (t *reportsTab) saveExport(w fyne.URIWriteCloser, err error) {
	if err == nil {
		d := t.desk()
		err = xlsx.WriteBook(w, append(paper.ReportTables(d, *t.rep), t.topicExport(d)...))
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = storage.Delete(w.URI()) // no half-written workbook is left behind
		}
	}
	if err != nil {
		t.s.Notify(kit.SayExport(err))
		return
	}
	t.s.Notify(lang.L("kit.export_saved", map[string]string{"File": w.URI().Path()}))
}
