package requests

import "floordesk/app"

func init() {
	app.RegisterMessages(map[string]string{
		"complaint.not_complaint":        "The request for room {room} is not a complaint — investigation, cause, actions and call-back are kept on complaints only.",
		"complaint.window_order":         "The CCTV window ends before it starts — check the two times.",
		"complaint.window_future":        "The CCTV window ends after now ({now}) — enter the time the footage you reviewed ends.",
		"complaint.window_long":          "The CCTV window is longer than {hours} hours — record each stretch you reviewed as its own finding.",
		"complaint.too_many_findings":    "The complaint for room {room} already has {max} findings — sum up in one of them instead of adding more.",
		"complaint.attachment_empty":     "{name} is empty — choose the photo or file again.",
		"complaint.attachment_too_large": "{name} is {size} KB; a file may be at most {max} KB — take a smaller photo or scan at a lower resolution.",
		"complaint.attachment_type":      "{name} is not a JPEG or PNG photo or a PDF — save it as one of these and attach it again.",
		"complaint.too_many_attachments": "The complaint for room {room} already has {max} photos and files — keep the ones that matter.",
		"complaint.attachment_damaged":   "{name} does not match what was saved — ask the desk that attached it to attach it again.",
		"complaint.due_far":              "An action may be due at most {days} days ahead — choose an earlier date.",
		"complaint.too_many_actions":     "The complaint for room {room} already has {max} actions — combine some of them.",
		"complaint.action_checked":       "“{action}” was already checked as done.",
		"complaint.actions_open":         "Actions not yet checked as done: {actions} — check each one before closing.",
		"complaint.no_call_back":         "The guest of room {room} has not been called back — record the call-back before closing.",
	})
}
