package requests

import "time"

// Call topics: a request or inquiry carries one of the hotel's call
// topics (app.Hotel.CallTopics: the TV, the air conditioning, a hair
// dryer to borrow...), checked by OpenRequest against the list; its own
// description is the free text. The supervisor's report counts them per
// week, by floor and room type (app/reports).

// TopicCall is a request opened with a topic: what about, where, when.
type TopicCall struct {
	Topic string
	Room  string // "" for a public area
	At    time.Time
}

// TopicCalls lists the requests opened in [from, to) with a topic, and
// counts those opened without one; read from the opened-date index.
func (s *RequestRegister) TopicCalls(from, to time.Time) (calls []TopicCall, without int, err error) {
	rs, err := s.openedBetween(from, to)
	if err != nil {
		return nil, 0, err
	}
	for i := range rs {
		r := &rs[i]
		if r.Topic == "" {
			without++
			continue
		}
		calls = append(calls, TopicCall{Topic: r.Topic, Room: r.Room, At: r.OpenedAt})
	}
	return calls, without, nil
}

// demoTopics are the call topics of the demo's requests and inquiries, by
// their text; the rest (room service, laundry, the concierge) have none.
var demoTopics = map[string]string{
	"再要两条浴巾 two more bath towels":          "客用品补充",
	"加枕头和毛毯 extra pillows and a blanket":   "加床/被褥",
	"请现在打扫房间 clean the room now please":    "清洁打扫",
	"补充洗漱用品 refill toiletries":             "客用品补充",
	"空调噪音大 air conditioner too noisy":      "空调",
	"电视没有信号 TV has no signal":              "电视/遥控器",
	"淋浴下水堵塞 shower drain blocked":          "维修",
	"卫生间灯不亮 bathroom light broken":         "维修",
	"要一个电水壶 hot water kettle, please":      "借用物品",
	"06:30叫醒服务 wake-up call at 06:30":      "叫醒服务",
	"送针线包 bring a sewing kit":              "借用物品",
	"早餐时间？ breakfast hours?":               "问询信息",
	"健身房在哪里？ where is the gym?":            "问询信息",
	"Wi-Fi密码？ Wi-Fi password?":             "上网/Wi-Fi",
	"最近的药店？ nearest pharmacy?":             "问询信息",
	"机场班车时间？ airport shuttle times?":       "问询信息",
	"今天泳池开放吗？ is the pool open today?":     "问询信息",
	"哪里能买电话卡？ where can I buy a SIM card?": "问询信息",
}
