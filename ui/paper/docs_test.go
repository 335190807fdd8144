package paper_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"floordesk/app"
	appfound "floordesk/app/found"
	apphandover "floordesk/app/handover"
	appkeys "floordesk/app/keys"
	apploans "floordesk/app/loans"
	"floordesk/ui/paper"
)

func loan() apploans.Loan {
	at := time.Date(2026, 3, 3, 21, 5, 0, 0, shanghai)
	return apploans.Loan{
		ID: "L-0042", Desk: "D1", Room: "1203", Guest: "张伟",
		Lines: []apploans.LoanLine{
			{Item: "hairdryer", Count: 1, Tags: []string{"HD-07"}},
			{Item: "adapter", Count: 2},
		},
		OpenedAt: at, OpenedBy: "S01", DueAt: time.Date(2026, 3, 4, 12, 0, 0, 0, shanghai),
		Deposit: 5000, Status: apploans.LoanStatusOpen,
	}
}

var itemNames = map[string]string{"hairdryer": "吹风机", "adapter": "转换插头"}

func handover() apphandover.Handover {
	at := time.Date(2026, 3, 3, 14, 50, 0, 0, shanghai)
	return apphandover.Handover{
		ID: "D1-2026-03-03-morning", Desk: "D1", Shift: "2026-03-03 morning",
		DraftedAt: at, DraftedBy: "S01",
		Board:    app.BoardCount{Expected: []string{"K1", "K2", "K3"}, Counted: 2, Missing: []string{"K3"}},
		Notes:    []apphandover.HandoverNote{{At: at, By: "S01", Text: "1208 客人要求明早加床"}},
		Outgoing: &apphandover.HandoverSignature{Staff: "S01", Name: "王芳", At: at.Add(5 * time.Minute)},
		Incoming: &apphandover.HandoverSignature{Staff: "S02", Name: "李强", At: at.Add(7 * time.Minute)},
	}
}

var sections = []paper.Section{
	{Heading: "Keys out (1)", Lines: []paper.Line{{Text: "K3 · 1208 · 赵敏 since 13:10", Urgent: true}}},
	{Heading: "借用物品 (1)", Lines: []paper.Line{{Text: "1203 吹风机 ×1 due 12:00"}}},
	{Heading: "Empty register"},
}

// policeItems are enough items to run the table onto a second page.
func policeItems() []appfound.FoundItem {
	var out []appfound.FoundItem
	for i := range 34 {
		f := foundItem()
		f.Tag = fmt.Sprintf("LF260303-D1-%03d", i+1)
		f.Category = app.CatDocuments
		f.Description = "身份证 ID card 王小明"
		f.Police = true
		out = append(out, f)
	}
	return out
}

func policeHandover() appfound.PoliceHandover {
	h := appfound.PoliceHandover{ID: "PH260303-1430-D1", Officer: "张建国", Unit: "城关派出所",
		At: time.Date(2026, 3, 3, 14, 30, 0, 0, shanghai), HandedBy: "S02", Desk: "D1"}
	for _, f := range policeItems() {
		h.Tags = append(h.Tags, f.Tag)
	}
	return h
}

func claimed() appfound.FoundItem {
	f := foundItem()
	f.Status = appfound.FoundClaimed
	f.Claims = []appfound.Claim{{Claimant: "陈静", Contact: "138 0000 1234", IDType: "id_card", IDLast4: "123X",
		Description: "黑色皮夹，两张招行卡", ReturnedBy: "S02", At: time.Date(2026, 3, 4, 16, 30, 0, 0, shanghai), Desk: "D1"}}
	return f
}

func TestClaimReceiptWithoutClaim(t *testing.T) {
	var b bytes.Buffer
	if err := paper.ClaimReceipt(&b, desk("zh"), foundItem()); !errors.Is(err, paper.ErrNoClaim) {
		t.Fatalf("ClaimReceipt of an unclaimed item = %v, want ErrNoClaim", err)
	}
}

func doorOpenings() []appkeys.DoorOpening {
	at := time.Date(2026, 3, 3, 23, 40, 0, 0, shanghai)
	return []appkeys.DoorOpening{
		{ID: "d1", Room: "1203", Guest: "张伟", IDType: "id_card", IDLast4: "0012", OpenedBy: "S01", Desk: "D1", Note: "客人房卡锁在房内", At: at},
		{ID: "d2", Room: "1510", Guest: "John Smith", IDType: "passport", IDLast4: "88K2", OpenedBy: "S02", Desk: "D1", At: at.Add(3 * time.Hour)},
	}
}

func keyLoans() []appkeys.KeyLoanOf {
	day := time.Date(2026, 3, 3, 0, 0, 0, 0, shanghai)
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	return []appkeys.KeyLoanOf{
		{Tag: "F12-MASTER", KeyLoan: appkeys.KeyLoan{Holder: "S02", Purpose: "开夜床 turn-down", Witness: "S01", Out: at(18, 5), Due: at(20, 0), OutBy: "S01", In: at(19, 40), InBy: "S01"}},
		{Tag: "F12-SEC-A", KeyLoan: appkeys.KeyLoan{Holder: "S01", Purpose: "维修 1208", Out: at(22, 30), Due: at(25, 0), OutBy: "S01"}},
		{Tag: "STORE-1", KeyLoan: appkeys.KeyLoan{Holder: "S02", Purpose: "布草", Out: at(23, 0), Due: at(23, 30), OutBy: "S02", Lost: true, LostAt: at(23, 50)}},
	}
}

func TestDocuments(t *testing.T) {
	printed := time.Date(2026, 3, 5, 10, 0, 0, 0, shanghai)
	docs := []struct {
		name  string
		write func(io.Writer, paper.Desk) error
		size  string // pdfinfo's page size, in points
		pages string
		zh    []string
		en    []string
	}{
		{
			name:  "slip",
			write: func(w io.Writer, d paper.Desk) error { return paper.LoanSlip(w, d, loan(), itemNames) },
			size:  "419.53 x 595.28", pages: "1",
			zh: []string{"物品借用单", "锦江宾馆", "1203", "张伟", "吹风机", "HD-07", "转换插头", "2026年3月4日 12:00", "收费。押金¥50", "客人签名", "王芳", "L-0042"},
			en: []string{"Item loan slip", "1203", "张伟", "吹风机", "HD-07", "4 Mar 2026 12:00", "¥50", "Guest's signature", "Lent by"},
		},
		{
			name:  "claim",
			write: func(w io.Writer, d paper.Desk) error { return paper.ClaimReceipt(w, d, claimed()) },
			size:  "419.53 x 595.28", pages: "1",
			zh: []string{"失物认领回执", "LF260303-D1-007", "陈静", "身份证 · 尾号 123X", "两张招行卡", "2026年3月4日 16:30", "完好无缺", "认领人签名", "李强"},
			en: []string{"Found item claim receipt", "LF260303-D1-007", "陈静", "ID card · ending 123X", "4 Mar 2026 16:30", "complete and undamaged", "Claimant's signature", "李强"},
		},
		{
			name: "doors",
			write: func(w io.Writer, d paper.Desk) error {
				return paper.DoorOpenings(w, d, doorOpenings(), printed.AddDate(0, 0, -7), printed, printed)
			},
			size: "595.28 x 841.89", pages: "1",
			zh: []string{"客房开门登记表", "共 2 次", "1203", "张伟", "身份证 …0012", "王芳", "客人房卡锁在房内", "1510", "John Smith", "护照 …88K2", "李强", "主管核查"},
			en: []string{"Guest door openings", "openings: 2", "1203", "张伟", "ID card …0012", "Passport …88K2", "John Smith", "Checked by supervisor"},
		},
		{
			name: "keys",
			write: func(w io.Writer, d paper.Desk) error {
				return paper.KeySheet(w, d, time.Date(2026, 3, 3, 12, 0, 0, 0, shanghai), keyLoans(), printed)
			},
			size: "595.28 x 841.89", pages: "1",
			zh: []string{"钥匙领用登记表", "2026年3月3日", "共 3 次领用", "F12-MASTER", "李强", "开夜床 turn-down", "18:05 王芳", "19:40 王芳", "F12-SEC-A", "03-04 01:00", "未归还", "已报失", "领用人签字"},
			en: []string{"Key sign-out sheet", "3 Mar 2026", "sign-outs: 3", "F12-MASTER", "18:05 王芳", "19:40 王芳", "Still out", "Reported lost", "Holder's initials"},
		},
		{
			name: "handover",
			write: func(w io.Writer, d paper.Desk) error {
				return paper.HandoverSheet(w, d, handover(), sections)
			},
			size: "595.28 x 841.89", pages: "1",
			zh: []string{"交接班", "2026-03-03 早班", "应有 3 把，实点 2 把", "K3", "借用物品", "吹风机", "1208 客人要求明早加床", "王芳 2026年3月3日 14:55", "李强 2026年3月3日 14:57", "接班"},
			en: []string{"Shift handover", "2026-03-03 morning", "Key count: 2 of 3 on the board", "1 missing: K3", "Keys out", "Signed by both", "王芳 3 Mar 2026 14:55", "Incoming attendant"},
		},
		{
			name: "police",
			write: func(w io.Writer, d paper.Desk) error {
				return paper.PoliceList(w, d, policeHandover(), policeItems(), printed)
			},
			size: "595.28 x 841.89", pages: "2",
			zh: []string{"移交公安机关失物清单", "共 34 件", "PH260303-1430-D1", "张建国", "城关派出所", "LF260303-D1-001", "LF260303-D1-034", "身份证", "证件", "接收民警", "第 1 页，共 2 页", "第 2 页，共 2 页"},
			en: []string{"Found items handed to the police", "items: 34", "PH260303-1430-D1", "张建国", "城关派出所", "LF260303-D1-001", "LF260303-D1-034", "Documents", "Received by (police officer)", "Page 1 of 2", "Page 2 of 2"},
		},
	}
	for _, doc := range docs {
		for _, lang := range []string{"zh", "en"} {
			t.Run(doc.name+"/"+lang, func(t *testing.T) {
				var b bytes.Buffer
				if err := doc.write(&b, desk(lang)); err != nil {
					t.Fatal(err)
				}
				path := writePDF(t, doc.name+"-"+lang+".pdf", b.Bytes())
				want := doc.zh
				if lang == "en" {
					want = doc.en
				}
				wantText(t, pdfText(t, path), want...)
				checkFonts(t, path)
				if got := pageSize(t, path); !strings.HasPrefix(got, doc.size) {
					t.Errorf("page size %q, want %s pts", got, doc.size)
				}
				if got := pages(t, path); got != doc.pages {
					t.Errorf("%s pages, want %s", got, doc.pages)
				}
			})
		}
	}
}
