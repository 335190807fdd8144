package requests

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// The forms of a complaint's case: a finding, the root cause, a
// corrective action and its check, the call-back, closing, and a
// supervisor's close with a reason.

// The case's commands, beside the request's (actions.go).
const (
	actInvestigate = "investigate"
	actAttach      = "attach"
	actCause       = "cause"
	actAddAction   = "add_action"
	actVerify      = "verify"
	actCallBack    = "call_back"
	actClose       = "close"
	actSupClose    = "sup_close"
)

var caseOrder = []string{actInvestigate, actAttach, actCause, actAddAction, actCallBack, actClose, actSupClose}

func findingChoices() choices {
	codes := make([]string, len(apprequests.FindingKinds))
	for i, k := range apprequests.FindingKinds {
		codes[i] = string(k)
	}
	return newChoices(codes, func(c string) string { return named("requests.finding.", c) })
}

func causeChoices() choices {
	codes := make([]string, len(apprequests.CauseKinds))
	for i, k := range apprequests.CauseKinds {
		codes[i] = string(k)
	}
	return newChoices(codes, func(c string) string { return named("requests.cause.", c) })
}

func callBackChoices() choices {
	codes := make([]string, len(apprequests.CallBackChannels))
	for i, k := range apprequests.CallBackChannels {
		codes[i] = string(k)
	}
	return newChoices(codes, func(c string) string { return named("requests.call_back.", c) })
}

// investigateForm records one thing checked: the fields it asks for
// follow the kind (CCTV: area, window, who reviewed; an account: the
// department and who gave it; an item: which).
func (sc *Screen) investigateForm(r *apprequests.RequestRow) *form {
	var kind, dept *kit.Choice
	var subject, checker, from, to, result *kit.Entry
	kinds, depts := findingChoices(), deptChoices(sc.departments(), false)
	f := sc.commandForm(actInvestigate, r, func() error {
		now := sc.s.Now()
		in := apprequests.FindingInput{Kind: apprequests.FindingKind(kinds.code(kind.Selected)), Subject: subject.Text,
			Checker: checker.Text, Result: result.Text}
		if in.Kind == apprequests.FindingAccount {
			in.Subject = depts.code(dept.Selected)
		}
		if in.Kind == apprequests.FindingCCTV {
			in.From, _ = parsePast(from.Text, now)
			in.To, _ = parsePast(to.Text, now)
		}
		_, err := sc.svc.Investigate(sc.s.UserID(), r.ID, in)
		return err
	})
	kind = f.selectField("kind", lang.L("requests.field.finding_kind"), kinds, string(apprequests.FindingCCTV))
	subject = f.entry("subject", lang.L("requests.field.subject"), lang.L("requests.field.subject_hint"))
	dept = f.selectField("department", lang.L("requests.field.account_from"), depts, "")
	checker = f.entry("checker", lang.L("requests.field.checker"), "")
	from = f.entry("from", lang.L("requests.field.window_from"), lang.L("requests.field.past_hint"))
	to = f.entry("to", lang.L("requests.field.window_to"), lang.L("requests.field.past_hint"))
	result = f.entry("result", lang.L("requests.field.finding"), "")
	show := func(string) { showFindingRows(f, apprequests.FindingKind(kinds.code(kind.Selected))) }
	kind.OnChanged = show
	show("")
	f.check = func() bool {
		now := sc.s.Now()
		return f.checkAll(fieldCheck{"result", requiredText(result.Text)},
			fieldCheck{"from", pastText(from.Text, now)}, fieldCheck{"to", pastText(to.Text, now)})
	}
	return f
}

// showFindingRows shows the rows a kind of finding asks for.
func showFindingRows(f *form, k apprequests.FindingKind) {
	f.ShowRows(k == apprequests.FindingCCTV, "from", "to")
	f.ShowRows(k != apprequests.FindingAccount, "subject")
	f.ShowRows(k == apprequests.FindingAccount, "department")
	f.ShowRows(k == apprequests.FindingCCTV || k == apprequests.FindingAccount, "checker")
	if k == apprequests.FindingAccount {
		f.Alias = map[string]string{"subject": "department"}
	} else {
		f.Alias = nil
	}
}

func (sc *Screen) causeForm(r *apprequests.RequestRow) *form {
	var cause *kit.Choice
	var note *kit.Entry
	causes := causeChoices()
	initial := ""
	if r.Case != nil && r.Case.Cause != nil {
		initial = string(r.Case.Cause.Cause)
	}
	f := sc.commandForm(actCause, r, func() error {
		_, err := sc.svc.FindCause(sc.s.UserID(), r.ID, apprequests.CauseKind(causes.code(cause.Selected)), note.Text)
		return err
	})
	cause = f.selectField("cause", lang.L("requests.field.cause"), causes, initial)
	note = f.entry("note", lang.L("requests.field.cause_note"), "")
	f.check = func() bool { return f.checkAll(fieldCheck{"cause", requiredText(cause.Selected)}) }
	return f
}

func (sc *Screen) addActionForm(r *apprequests.RequestRow) *form {
	var what, due *kit.Entry
	var dept *kit.Choice
	depts := deptChoices(sc.departments(), false)
	f := sc.commandForm(actAddAction, r, func() error {
		day, _ := parseDueDay(due.Text, sc.s.Now())
		_, err := sc.svc.AddAction(sc.s.UserID(), r.ID, apprequests.ActionInput{What: what.Text,
			Department: depts.code(dept.Selected), Due: day})
		return err
	})
	what = f.entry("what", lang.L("requests.field.action_what"), "")
	dept = f.selectField("department", lang.L("requests.field.action_owner"), depts, r.Department)
	due = f.entry("due", lang.L("requests.field.action_due"), lang.L("requests.field.day_hint"))
	f.check = func() bool {
		return f.checkAll(fieldCheck{"what", requiredText(what.Text)}, fieldCheck{"department", requiredText(dept.Selected)},
			fieldCheck{"due", requiredText(due.Text)}, fieldCheck{"due", dayText(due.Text, sc.s.Now())})
	}
	return f
}

// verifyForm checks one corrective action as done.
func (sc *Screen) verifyForm(r *apprequests.RequestRow, a apprequests.CorrectiveAction) *form {
	var note *kit.Entry
	f := newForm(lang.L("requests.do.verify")+" · "+a.What, lang.L("requests.form.save"), sc.closeForm)
	f.submit = func() error {
		_, err := sc.svc.VerifyAction(sc.s.UserID(), r.ID, a.ID, note.Text)
		if err == nil {
			sc.saved(r.ID, lang.L("requests.saved.verify", map[string]string{"Room": r.Where()}))
		}
		return err
	}
	note = f.entry("note", lang.L("requests.field.verify_note"), "")
	return f
}

func (sc *Screen) callBackForm(r *apprequests.RequestRow) *form {
	var channel *kit.Choice
	var score *widget.RadioGroup
	var wish *kit.Entry
	channels := callBackChoices()
	f := sc.commandForm(actCallBack, r, func() error {
		n, _ := strconv.Atoi(score.Selected)
		_, err := sc.svc.CallBack(sc.s.UserID(), r.ID, apprequests.CallBackInput{
			Channel: apprequests.CallBackChannel(channels.code(channel.Selected)), Satisfaction: n, Wish: wish.Text})
		return err
	})
	channel = f.selectField("channel", lang.L("requests.field.call_back_channel"), channels, string(apprequests.CallBackPhone))
	score = widget.NewRadioGroup([]string{"1", "2", "3", "4", "5"}, nil)
	score.Horizontal = true
	f.add("satisfaction", lang.L("requests.field.satisfaction"), score)
	wish = f.entry("wish", lang.L("requests.field.wish"), "")
	f.check = func() bool { return f.checkAll(fieldCheck{"satisfaction", requiredText(score.Selected)}) }
	return f
}

// closeComplaintForm closes the complaint; the refusal lists every step
// still missing.
func (sc *Screen) closeComplaintForm(r *apprequests.RequestRow) *form {
	f := sc.commandForm(actClose, r, func() error {
		_, err := sc.svc.CloseComplaint(sc.s.UserID(), r.ID)
		return err
	})
	say := widget.NewLabel(lang.L("requests.close_explained"))
	say.Wrapping = fyne.TextWrapWord
	f.Plain("", say)
	return f
}

func (sc *Screen) supCloseForm(r *apprequests.RequestRow) *form {
	var reason *kit.Entry
	f := sc.commandForm(actSupClose, r, func() error {
		_, err := sc.svc.CloseBySupervisor(sc.s.UserID(), r.ID, reason.Text)
		return err
	})
	reason = f.entry("reason", lang.L("requests.field.close_reason"), "")
	f.check = func() bool { return f.checkAll(fieldCheck{"reason", requiredText(reason.Text)}) }
	return f
}
