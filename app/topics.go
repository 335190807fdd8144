package app

import (
	"slices"
	"strconv"
)

// Call topics are what guests call the desk about: the TV that will not
// switch on, the Wi-Fi, a hair dryer to borrow. A request or inquiry
// carries one from the hotel's list (Hotel.Topics), which a supervisor
// keeps, so the supervisor can see what guests keep calling about and
// fix its cause (manual 001: 客房中心电话记录分析).

// Limits of the list of topics.
const (
	MaxTopics     = 60 // topics in the list
	MaxTopicRunes = 20 // characters in a topic's name
)

// DefaultTopics are the topics of a new hotel, in the desk's words, from
// manual 001's analysis of the centre's calls: facilities guests cannot
// work (TV, air conditioning, the internet, no power), things to borrow
// or missing from the room, water, bedding, cleaning, repairs, wake-up
// calls and questions. A supervisor changes them in the settings.
var DefaultTopics = []string{"电视/遥控器", "空调", "上网/Wi-Fi", "房间无电", "设施使用", "借用物品",
	"客用品补充", "送水", "加床/被褥", "清洁打扫", "维修", "叫醒服务", "问询信息", "其他"}

// checkTopics: each topic named, within MaxTopicRunes, once; at most
// MaxTopics.
func checkTopics(topics []string) error {
	if len(topics) > MaxTopics {
		return Invalid("topics", "topics.too_many", "max", strconv.Itoa(MaxTopics), "count", strconv.Itoa(len(topics)))
	}
	for i, t := range topics {
		if err := FirstErr(Required("topics", t), MaxLen("topics", t, MaxTopicRunes)); err != nil {
			return err
		}
		if slices.Contains(topics[:i], t) {
			return Invalid("topics", "topics.duplicate", "topic", t)
		}
	}
	return nil
}

// CallTopics are the hotel's topics, or DefaultTopics before a supervisor
// sets them.
func (h Hotel) CallTopics() []string {
	if h.Topics == nil {
		return DefaultTopics
	}
	return h.Topics
}

// HotelTopics are the hotel's call topics (CallTopics of its settings).
func (s *Service) HotelTopics() []string {
	h, err := s.Settings()
	if err != nil {
		return DefaultTopics
	}
	return h.CallTopics()
}

// CheckTopic accepts "" (no topic) or a topic of the hotel's list,
// naming the field.
func (s *Service) CheckTopic(field, topic string) error {
	if topic == "" || slices.Contains(s.HotelTopics(), topic) {
		return nil
	}
	return FirstErr(MaxLen(field, topic, MaxTopicRunes), Invalid(field, "topic.unknown", "topic", topic))
}

func init() {
	RegisterMessages(map[string]string{
		"topics.too_many":      "The list holds {count} topics; at most {max} — shorten it.",
		"topics.duplicate":     "Topic {topic} is in the list twice — keep one.",
		"topic.unknown":        "{topic} is not one of the hotel's call topics — pick one from the list, or ask a supervisor to add it.",
		"holding.method_twice": "A disposal method is ticked twice — tick each once.",
		"holding.no_method":    "Tick at least one way to dispose of this category's items.",
	})
}
