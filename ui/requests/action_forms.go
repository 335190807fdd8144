package requests

import (
	"strconv"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	apprequests "floordesk/app/requests"
	"floordesk/ui/kit"
)

// The forms of the commands on an existing request. Each reads its
// inputs, runs the command as the signed-in staff member and leaves the
// refusal, if any, next to its field.

func (sc *Screen) dispatchForm(r *apprequests.RequestRow) *form {
	var dept *kit.Choice
	var person, at, promised *kit.Entry
	depts := deptChoices(sc.departments(), false)
	f := sc.commandForm(actDispatch, r, func() error {
		now := sc.s.Now()
		notified, _ := parseClock(at.Text, now)
		prom, _ := parseClock(promised.Text, now)
		_, err := sc.svc.DispatchRequest(sc.s.UserID(), r.ID, apprequests.DispatchInput{
			Department: depts.code(dept.Selected), Notified: person.Text, NotifiedAt: notified, PromisedAt: prom})
		return err
	})
	dept = f.selectField("department", lang.L("requests.field.department"), depts, r.Department)
	person = f.entry("notified", lang.L("requests.field.notified"), "")
	at = f.entry("notified_at", lang.L("requests.field.notified_at"), lang.L("requests.field.now_hint"))
	promised = f.entry("promised_at", lang.L("requests.field.promised"), lang.L("requests.field.keep_hint"))
	f.check = func() bool {
		now := sc.s.Now()
		return f.checkAll(fieldCheck{"department", requiredText(dept.Selected)}, fieldCheck{"notified", requiredText(person.Text)},
			fieldCheck{"notified_at", clockText(at.Text, now)}, fieldCheck{"promised_at", clockText(promised.Text, now)})
	}
	return f
}

func (sc *Screen) followUpForm(r *apprequests.RequestRow) *form {
	var note *kit.Entry
	f := sc.commandForm(actFollowUp, r, func() error {
		_, err := sc.svc.FollowUpRequest(sc.s.UserID(), r.ID, note.Text)
		return err
	})
	note = f.entry("note", lang.L("requests.field.note"), lang.L("requests.field.note_hint"))
	f.check = func() bool { return f.checkAll(fieldCheck{"note", requiredText(note.Text)}) }
	return f
}

func (sc *Screen) escalateForm(r *apprequests.RequestRow) *form {
	var to *kit.Choice
	var reason *kit.Entry
	sups := sc.supervisors()
	f := sc.commandForm(actEscalate, r, func() error {
		_, err := sc.svc.EscalateRequest(sc.s.UserID(), r.ID, sups.code(to.Selected), reason.Text)
		return err
	})
	reason = f.entry("reason", lang.L("requests.field.reason"), "")
	to = f.selectField("to", lang.L("requests.field.escalate_to"), sups, "")
	f.check = func() bool { return f.checkAll(fieldCheck{"reason", requiredText(reason.Text)}) }
	return f
}

// supervisors are the choices of whom to escalate to: the supervisors on
// duty (code "") or one active supervisor by name.
func (sc *Screen) supervisors() choices {
	codes := []string{""}
	names := map[string]string{"": lang.L("requests.field.on_duty")}
	if sups, err := sc.svc.SupervisorsOnDuty(); err == nil {
		for _, s := range sups {
			codes = append(codes, s.ID)
			names[s.ID] = s.Name
		}
	}
	return newChoices(codes, func(c string) string { return names[c] })
}

func (sc *Screen) compensateForm(r *apprequests.RequestRow) *form {
	var given, amount *kit.Entry
	f := sc.commandForm(actCompensate, r, func() error {
		cents, _ := parseMoney(amount.Text)
		_, err := sc.svc.CompensateComplaint(sc.s.UserID(), r.ID, given.Text, cents)
		return err
	})
	given = f.entry("given", lang.L("requests.field.given"), lang.L("requests.field.given_hint"))
	amount = f.entry("amount", lang.L("requests.field.amount"), "0")
	f.check = func() bool {
		return f.checkAll(fieldCheck{"given", requiredText(given.Text)}, fieldCheck{"amount", moneyText(amount.Text)})
	}
	return f
}

func (sc *Screen) resolveForm(r *apprequests.RequestRow) *form {
	var dept *kit.Choice
	var result *kit.Entry
	depts := deptChoices(sc.departments(), true)
	f := sc.commandForm(actResolve, r, func() error {
		_, err := sc.svc.ResolveRequest(sc.s.UserID(), r.ID, depts.code(dept.Selected), result.Text)
		return err
	})
	result = f.entry("result", lang.L("requests.field.result"), "")
	dept = f.selectField("department", lang.L("requests.field.done_by"), depts, lastDept(r))
	f.check = func() bool { return f.checkAll(fieldCheck{"result", requiredText(result.Text)}) }
	return f
}

// lastDept is the department the request was last sent to.
func lastDept(r *apprequests.RequestRow) string {
	if d := r.LastDispatch(); d != nil {
		return d.Department
	}
	return r.Department
}

func (sc *Screen) confirmForm(r *apprequests.RequestRow) *form {
	var score *widget.RadioGroup
	var comment *kit.Entry
	f := sc.commandForm(actConfirm, r, func() error {
		n, _ := strconv.Atoi(score.Selected)
		_, err := sc.svc.ConfirmRequest(sc.s.UserID(), r.ID, n, comment.Text)
		return err
	})
	score = widget.NewRadioGroup([]string{"1", "2", "3", "4", "5"}, nil)
	score.Horizontal = true
	f.add("satisfaction", lang.L("requests.field.satisfaction"), score)
	comment = f.entry("comment", lang.L("requests.field.comment"), "")
	f.check = func() bool {
		return f.checkAll(fieldCheck{"satisfaction", requiredText(score.Selected)})
	}
	return f
}

func (sc *Screen) cancelForm(r *apprequests.RequestRow) *form {
	var reason *kit.Entry
	var rest *widget.Check // a daily request: the days to come too
	f := sc.commandForm(actCancel, r, func() error {
		if _, err := sc.svc.CancelRequest(sc.s.UserID(), r.ID, reason.Text); err != nil {
			return err
		}
		if rest != nil && rest.Checked {
			_, err := sc.svc.CancelSeries(sc.s.UserID(), r.Series.ID, reason.Text)
			return err
		}
		return nil
	})
	reason = f.entry("reason", lang.L("requests.field.reason"), "")
	if r.Series != nil && r.Series.N < r.Series.Of {
		rest = widget.NewCheck(lang.L("requests.cancel_rest", map[string]int{"Left": r.Series.Of - r.Series.N}), nil)
		f.add("cancel_rest", "", rest)
	}
	f.check = func() bool { return f.checkAll(fieldCheck{"reason", requiredText(reason.Text)}) }
	return f
}

// callForm records one wake-up call: answered, no answer (the second call
// comes due), or the guest woken at the door, with who went up.
func (sc *Screen) callForm(r *apprequests.RequestRow) *form {
	var outcome *kit.Choice
	var note *kit.Entry
	outcomes := callChoices()
	f := sc.commandForm(actCall, r, func() error {
		_, err := sc.svc.LogCall(sc.s.UserID(), r.ID, apprequests.CallInput{
			Outcome: apprequests.CallOutcome(outcomes.code(outcome.Selected)), Note: note.Text})
		return err
	})
	outcome = f.selectField("outcome", lang.L("requests.field.outcome"), outcomes, string(apprequests.CallAnswered))
	note = f.entry("note", lang.L("requests.field.note"), lang.L("requests.field.call_note_hint"))
	return f
}
