package found

import "strings"

// The desk's thesaurus: the words guests and staff use for the things a
// hotel's lost and found logs, in Chinese and English, grouped by what
// they mean. Matching compares meanings, so "黑色钱包" and "a black
// purse" share a colour and an item although they share no character.
//
// Each group is one concept with a facet (what kind of word it is) and
// its words, separated by spaces; "_" stands for a space inside an
// English phrase ("credit_card"). English words are written in lower
// case and singular (matching folds case and strips plurals), except
// where the plural is the word ("glasses"). A concept may be narrower
// than another (broader): a passport is an identity document, so a
// report of "证件" matches an item logged as "护照".
//
// Chinese is matched longest first, so a longer word that holds a
// shorter one wins: 现金 (cash) is not 金 (gold), 银行卡 is not 银
// (silver), 蓝牙 (Bluetooth) is not 蓝 (blue). Words that would
// otherwise be read inside others for the wrong meaning are listed as
// neutral: they are consumed and mean nothing to matching.
//
// When adding words: a word belongs to one group only (TestThesaurus
// checks), and a word that names two things at once (iPhone: a phone,
// made by Apple) goes in compounds.

// facet is the kind of a concept, which decides how two descriptions
// that name different concepts of it compare.
type facet uint8

const (
	facetNone     facet = iota // consumed, means nothing
	facetItem                  // what the thing is; different items rule a match out
	facetColour                // different colours count against
	facetBrand                 // different brands rule a match out
	facetMaterial              // different materials count a little against
	facetPlace                 // where; evidence only, things get moved
	facetOrigin                // a country; different countries rule a match out
)

// concept is one meaning the thesaurus knows.
type concept struct {
	name    string
	facet   facet
	broader string // the concept this one is a kind of, "" when none
}

type group struct {
	concept
	words string
}

// thesaurus is the table of concepts and their words.
var thesaurus = []group{
	// Items. Wallets: "purse" is a wallet in British English; a card
	// holder (卡包) is logged as one too.
	{concept{"wallet", facetItem, ""}, "钱包 皮夹 钱夹 皮夹子 卡包 零钱包 wallet purse billfold card_holder"},
	{concept{"phone", facetItem, ""}, "手机 电话 智能手机 phone mobile mobile_phone cellphone cell_phone smartphone"},
	{concept{"phone_case", facetItem, ""}, "手机壳 手机套 phone_case phone_cover"},
	// Identity documents; the broad word first. 证件 is what a guest says
	// when unsure which one.
	{concept{"id", facetItem, ""}, "证件 证 id identification id_document"},
	{concept{"id_card", facetItem, "id"}, "身份证 id_card identity_card"},
	{concept{"staff_card", facetItem, "id"}, "工作证 学生证 员工卡 student_card student_id staff_card staff_id"},
	{concept{"passport", facetItem, "id"}, "护照 passport"},
	{concept{"licence", facetItem, "id"}, "驾照 驾驶证 driving_licence driving_license driver_license licence license"},
	{concept{"permit", facetItem, "id"}, "通行证 港澳通行证 回乡证 台胞证 permit"},
	{concept{"papers", facetItem, ""}, "文件 资料 证书 合同 文件夹 发票 document documents paper papers paperwork folder file contract"},
	{concept{"card", facetItem, ""}, "卡 卡片 card"},
	{concept{"bank_card", facetItem, "card"}, "银行卡 信用卡 借记卡 储蓄卡 bank_card credit_card debit_card visa mastercard"},
	{concept{"cash", facetItem, ""}, "现金 钱 港币 欧元 红包 纸币 cash money banknote euro red_packet red_envelope"},
	// Keys, the room's key card among them.
	{concept{"key", facetItem, ""}, "钥匙 房卡 门卡 钥匙扣 钥匙串 key key_card room_card keycard keyring keychain key_chain key_ring"},
	{concept{"car_key", facetItem, "key"}, "车钥匙 遥控钥匙 car_key fob"},
	{concept{"charger", facetItem, ""}, "充电器 充电线 数据线 充电头 适配器 插头 转换插头 转换头 charger cable charging_cable usb_cable adapter adaptor plug"},
	{concept{"power_bank", facetItem, ""}, "充电宝 移动电源 power_bank portable_charger battery_pack"},
	{concept{"glasses", facetItem, ""}, "眼镜 近视眼镜 老花镜 眼镜盒 glasses spectacles reading_glasses eyeglasses"},
	// 眼镜 are what one wears to see; sunglasses are another thing.
	{concept{"sunglasses", facetItem, ""}, "墨镜 太阳镜 sunglasses shades"},
	{concept{"earphones", facetItem, ""}, "耳机 耳麦 蓝牙耳机 耳机盒 earphone earphones earbud earbuds"},
	{concept{"headphones", facetItem, "earphones"}, "头戴耳机 头戴式耳机 头戴式 headphone headphones headset over-ear"},
	{concept{"watch", facetItem, ""}, "手表 腕表 表 智能手表 手环 watch wristwatch smartwatch fitness_band"},
	{concept{"umbrella", facetItem, ""}, "雨伞 伞 遮阳伞 折叠伞 umbrella brolly"},
	// Clothes: the broad word, then the kinds a desk tells apart.
	{concept{"clothes", facetItem, ""}, "衣服 衣物 服装 clothes clothing garment"},
	{concept{"coat", facetItem, "clothes"}, "外套 夹克 大衣 风衣 棉衣 棉袄 西装 西服 外衣 jacket coat overcoat parka anorak blazer suit_jacket"},
	{concept{"sweater", facetItem, "clothes"}, "毛衣 针织衫 sweater jumper pullover knitwear"},
	{concept{"cardigan", facetItem, "sweater"}, "开衫 针织开衫 cardigan"},
	{concept{"hoodie", facetItem, "clothes"}, "卫衣 连帽衫 hoodie sweatshirt fleece"},
	{concept{"shirt", facetItem, "clothes"}, "衬衫 衬衣 恤衫 上衣 shirt t-shirt tshirt tee blouse"},
	{concept{"trousers", facetItem, "clothes"}, "裤子 长裤 短裤 牛仔裤 trousers pants jeans shorts"},
	{concept{"dress", facetItem, "clothes"}, "裙子 连衣裙 半身裙 裙 dress skirt"},
	{concept{"scarf", facetItem, "clothes"}, "围巾 丝巾 披肩 scarf shawl"},
	{concept{"hat", facetItem, "clothes"}, "帽子 帽 鸭舌帽 hat cap beanie"},
	{concept{"gloves", facetItem, "clothes"}, "手套 glove gloves mitten"},
	{concept{"shoes", facetItem, "clothes"}, "鞋 鞋子 拖鞋 运动鞋 皮鞋 凉鞋 靴子 高跟鞋 shoe shoes trainer sneaker slipper sandal boot heels"},
	{concept{"swimwear", facetItem, "clothes"}, "泳衣 泳裤 swimsuit swimwear trunks bikini"},
	// Bags: the broad word, then the kinds. A wallet is not a bag, and a
	// suitcase is its own thing.
	{concept{"bag", facetItem, ""}, "包 包包 袋子 袋 bag"},
	{concept{"backpack", facetItem, "bag"}, "背包 双肩包 书包 backpack rucksack schoolbag"},
	{concept{"handbag", facetItem, "bag"}, "手提包 手袋 手提袋 挎包 斜挎包 单肩包 女包 皮包 handbag shoulder_bag crossbody tote tote_bag clutch"},
	{concept{"pouch", facetItem, "bag"}, "化妆包 洗漱包 收纳包 腰包 pouch toiletry_bag wash_bag makeup_bag bumbag fanny_pack"},
	{concept{"suitcase", facetItem, ""}, "行李箱 拉杆箱 箱子 旅行箱 suitcase luggage trolley_case"},
	{concept{"laptop", facetItem, ""}, "笔记本电脑 笔记本 电脑 手提电脑 laptop computer notebook_computer"}, // 笔记本 alone is a laptop in everyday Chinese
	{concept{"tablet", facetItem, ""}, "平板 平板电脑 tablet kindle e-reader"},
	{concept{"camera", facetItem, ""}, "相机 照相机 单反 微单 camera gopro"},
	// Jewellery: the broad word, then the kinds.
	{concept{"jewellery", facetItem, ""}, "首饰 饰品 珠宝 jewellery jewelry jewel"},
	{concept{"necklace", facetItem, "jewellery"}, "项链 吊坠 necklace pendant chain"},
	{concept{"ring", facetItem, "jewellery"}, "戒指 婚戒 钻戒 对戒 ring wedding_ring"},
	{concept{"earring", facetItem, "jewellery"}, "耳环 耳钉 耳坠 earring stud"},
	{concept{"bracelet", facetItem, "jewellery"}, "手镯 手链 bracelet bangle"},
	{concept{"brooch", facetItem, "jewellery"}, "胸针 brooch"},
	{concept{"toy", facetItem, ""}, "玩具 toy"},
	{concept{"plush", facetItem, "toy"}, "毛绒玩具 毛绒 公仔 玩偶 娃娃 小熊 熊 teddy teddy_bear bear doll plush soft_toy"},
	{concept{"toy_car", facetItem, "toy"}, "玩具车 玩具汽车 车模 toy_car model_car"},
	{concept{"book", facetItem, ""}, "书 书本 小说 绘本 book novel paperback"},
	{concept{"notebook", facetItem, ""}, "记事本 本子 笔记簿 notebook diary journal"},
	{concept{"cosmetics", facetItem, ""}, "化妆品 口红 唇膏 粉饼 香水 护肤品 cosmetics makeup lipstick perfume"},
	{concept{"medicine", facetItem, ""}, "药 药品 药瓶 药盒 胰岛素 medicine medication pill inhaler insulin"},
	{concept{"cup", facetItem, ""}, "水杯 杯子 保温杯 水壶 cup mug thermos flask water_bottle tumbler"},
	{concept{"wine", facetItem, ""}, "红酒 白酒 洋酒 葡萄酒 wine whisky whiskey"},
	{concept{"shaver", facetItem, ""}, "剃须刀 电动剃须刀 shaver razor"},
	{concept{"towel", facetItem, ""}, "毛巾 浴巾 towel"},
	// Babies' things.
	{concept{"baby_bottle", facetItem, ""}, "奶瓶 baby_bottle feeding_bottle"},
	{concept{"pacifier", facetItem, ""}, "奶嘴 安抚奶嘴 pacifier dummy soother"},
	{concept{"stroller", facetItem, ""}, "婴儿车 童车 推车 stroller pram buggy pushchair"},
	{concept{"goggles", facetItem, ""}, "泳镜 护目镜 goggles"},
	{concept{"drone", facetItem, ""}, "无人机 航拍器 drone"},
	{concept{"raincoat", facetItem, "clothes"}, "雨衣 raincoat poncho"},
	{concept{"pen", facetItem, ""}, "笔 钢笔 签字笔 pen fountain_pen"},

	// Colours, by family: a shade is its family (深蓝, navy: blue).
	{concept{"black", facetColour, ""}, "黑 黑色 black"},
	{concept{"white", facetColour, ""}, "白 白色 米白 white ivory"},
	{concept{"red", facetColour, ""}, "红 红色 酒红 大红 red burgundy maroon"},
	{concept{"blue", facetColour, ""}, "蓝 蓝色 深蓝 浅蓝 藏青 藏蓝 宝蓝 blue navy"},
	{concept{"grey", facetColour, ""}, "灰 灰色 深灰 浅灰 grey gray charcoal"},
	{concept{"brown", facetColour, ""}, "棕 棕色 咖啡色 褐色 驼色 brown tan camel"},
	{concept{"beige", facetColour, ""}, "米色 卡其 卡其色 beige khaki"},
	{concept{"gold", facetColour, ""}, "金 金色 黄金 玫瑰金 gold golden rose_gold"},
	{concept{"silver", facetColour, ""}, "银 银色 白金 铂金 纯银 silver platinum white_gold"},
	{concept{"green", facetColour, ""}, "绿 绿色 军绿 墨绿 green olive"},
	{concept{"yellow", facetColour, ""}, "黄 黄色 yellow"},
	{concept{"pink", facetColour, ""}, "粉 粉色 粉红 粉红色 pink"},
	{concept{"purple", facetColour, ""}, "紫 紫色 purple violet"},
	{concept{"orange", facetColour, ""}, "橙 橙色 橘色 orange"},

	// Brands.
	{concept{"apple", facetBrand, ""}, "苹果 apple"},
	{concept{"huawei", facetBrand, ""}, "华为 huawei"},
	{concept{"honor", facetBrand, ""}, "荣耀 honor"},
	{concept{"xiaomi", facetBrand, ""}, "小米 红米 xiaomi redmi"},
	{concept{"samsung", facetBrand, ""}, "三星 samsung galaxy"},
	{concept{"oppo", facetBrand, ""}, "oppo"},
	{concept{"vivo", facetBrand, ""}, "vivo"},
	{concept{"sony", facetBrand, ""}, "索尼 sony"},
	{concept{"lenovo", facetBrand, ""}, "联想 lenovo thinkpad"},
	{concept{"dell", facetBrand, ""}, "戴尔 dell"},
	{concept{"dji", facetBrand, ""}, "大疆 dji"},
	{concept{"canon", facetBrand, ""}, "佳能 canon"},
	{concept{"bose", facetBrand, ""}, "bose"},
	{concept{"lv", facetBrand, ""}, "路易威登 lv louis_vuitton vuitton"},
	{concept{"gucci", facetBrand, ""}, "古驰 gucci"},
	{concept{"coach", facetBrand, ""}, "蔻驰 coach"},
	{concept{"prada", facetBrand, ""}, "普拉达 prada"},
	{concept{"chanel", facetBrand, ""}, "香奈儿 chanel"},
	{concept{"hermes", facetBrand, ""}, "爱马仕 hermes hermès"},
	{concept{"burberry", facetBrand, ""}, "博柏利 巴宝莉 burberry"},
	{concept{"dior", facetBrand, ""}, "迪奥 dior"},
	{concept{"mk", facetBrand, ""}, "mk michael_kors"},
	{concept{"tiffany", facetBrand, ""}, "蒂芙尼 tiffany"},
	{concept{"cartier", facetBrand, ""}, "卡地亚 cartier"},
	{concept{"swarovski", facetBrand, ""}, "施华洛世奇 swarovski"},
	{concept{"rolex", facetBrand, ""}, "劳力士 rolex"},
	{concept{"omega", facetBrand, ""}, "欧米茄 omega"},
	{concept{"casio", facetBrand, ""}, "卡西欧 casio"},
	{concept{"rayban", facetBrand, ""}, "雷朋 rayban ray-ban"},
	{concept{"nike", facetBrand, ""}, "耐克 nike"},
	{concept{"adidas", facetBrand, ""}, "阿迪达斯 阿迪 adidas"},
	{concept{"uniqlo", facetBrand, ""}, "优衣库 uniqlo"},
	{concept{"northface", facetBrand, ""}, "北面 north_face northface"},
	{concept{"montblanc", facetBrand, ""}, "万宝龙 montblanc mont_blanc"},
	{concept{"ysl", facetBrand, ""}, "圣罗兰 ysl"},
	{concept{"parker", facetBrand, ""}, "派克 parker"},
	{concept{"zara", facetBrand, ""}, "zara"},
	{concept{"pandora", facetBrand, ""}, "潘多拉 pandora"},
	{concept{"samsonite", facetBrand, ""}, "新秀丽 samsonite"},
	{concept{"philips", facetBrand, ""}, "飞利浦 philips"},
	{concept{"anker", facetBrand, ""}, "安克 anker"},
	{concept{"logitech", facetBrand, ""}, "罗技 logitech"},
	{concept{"lego", facetBrand, ""}, "乐高 lego"},
	{concept{"toyota", facetBrand, ""}, "丰田 toyota"},
	{concept{"bmw", facetBrand, ""}, "宝马 bmw"},
	{concept{"benz", facetBrand, ""}, "奔驰 benz mercedes"},

	// Materials.
	{concept{"leather", facetMaterial, ""}, "皮 皮革 真皮 牛皮 羊皮 皮质 leather"},
	{concept{"fabric", facetMaterial, ""}, "布 布料 帆布 布艺 fabric cloth canvas"},
	{concept{"plastic", facetMaterial, ""}, "塑料 塑胶 plastic"},
	{concept{"metal", facetMaterial, ""}, "金属 不锈钢 铁 铝 metal steel stainless aluminium aluminum"},
	{concept{"wool", facetMaterial, ""}, "羊毛 羊绒 毛线 wool woollen woolen cashmere"},
	{concept{"cotton", facetMaterial, ""}, "棉 纯棉 cotton"},
	{concept{"silk", facetMaterial, ""}, "丝 丝绸 真丝 silk"},
	{concept{"denim", facetMaterial, ""}, "牛仔 牛仔布 denim"},
	{concept{"nylon", facetMaterial, ""}, "尼龙 nylon"},
	{concept{"glass", facetMaterial, ""}, "玻璃 glass"},
	{concept{"wood", facetMaterial, ""}, "木 木质 木头 wood wooden"},
	{concept{"silicone", facetMaterial, ""}, "硅胶 silicone rubber"},
	{concept{"pearl", facetMaterial, ""}, "珍珠 pearl"},
	// Stones: 红宝石 is a ruby, not something red.
	{concept{"diamond", facetMaterial, ""}, "钻石 钻 diamond"},
	{concept{"sapphire", facetMaterial, ""}, "蓝宝石 sapphire"},
	{concept{"ruby", facetMaterial, ""}, "红宝石 ruby"},
	{concept{"emerald", facetMaterial, ""}, "绿宝石 祖母绿 emerald"},
	{concept{"jade", facetMaterial, ""}, "玉 翡翠 玉石 jade"},
	{concept{"down", facetMaterial, ""}, "羽绒"},

	// Countries, for passports and other papers: a Chinese passport is
	// not a British one.
	{concept{"china", facetOrigin, ""}, "中国 china chinese prc"},
	{concept{"usa", facetOrigin, ""}, "美国 usa american"},
	{concept{"uk", facetOrigin, ""}, "英国 uk british"},
	{concept{"japan", facetOrigin, ""}, "日本 japan japanese"},
	{concept{"korea", facetOrigin, ""}, "韩国 korea korean"},
	{concept{"france", facetOrigin, ""}, "法国 france french"},
	{concept{"germany", facetOrigin, ""}, "德国 germany german"},
	{concept{"australia", facetOrigin, ""}, "澳大利亚 澳洲 australia australian"},
	{concept{"canada", facetOrigin, ""}, "加拿大 canada canadian"},
	{concept{"singapore", facetOrigin, ""}, "新加坡 singapore"},

	// Places in a hotel.
	{concept{"lobby", facetPlace, ""}, "大堂 大厅 lobby foyer"},
	{concept{"restaurant", facetPlace, ""}, "餐厅 饭厅 早餐厅 中餐厅 西餐厅 自助餐厅 咖啡厅 咖啡馆 restaurant dining dining_room cafe café breakfast_room"},
	{concept{"bar", facetPlace, ""}, "酒吧 大堂吧 bar lounge"},
	{concept{"gym", facetPlace, ""}, "健身房 健身中心 gym fitness_centre fitness_center"},
	{concept{"pool", facetPlace, ""}, "泳池 游泳池 pool swimming_pool"},
	{concept{"spa", facetPlace, ""}, "水疗 桑拿 按摩室 spa sauna"},
	{concept{"front_desk", facetPlace, ""}, "前台 总台 接待处 front_desk reception"},
	{concept{"lift", facetPlace, ""}, "电梯 电梯厅 lift elevator"},
	{concept{"car_park", facetPlace, ""}, "停车场 车库 地库 car_park carpark parking garage"},
	{concept{"meeting_room", facetPlace, ""}, "会议室 会议厅 宴会厅 多功能厅 meeting_room ballroom conference_room"},
	{concept{"toilet", facetPlace, ""}, "洗手间 卫生间 厕所 toilet restroom washroom loo"},
	{concept{"corridor", facetPlace, ""}, "走廊 过道 corridor hallway"},
	{concept{"entrance", facetPlace, ""}, "门口 大门 入口 门廊 entrance"},
	{concept{"business_centre", facetPlace, ""}, "商务中心 business_centre business_center"},
	{concept{"shuttle", facetPlace, ""}, "班车 接驳车 摆渡车 shuttle shuttle_bus"},
	{concept{"taxi", facetPlace, ""}, "出租车 的士 taxi cab"},
	{concept{"garden", facetPlace, ""}, "花园 庭院 garden courtyard"},
	{concept{"kids_club", facetPlace, ""}, "儿童乐园 儿童俱乐部 kids_club playroom"},

	// Neutral words: consumed so that their characters are not read as
	// something else (蓝牙 is not blue, 酒店 is not wine, 银行 not silver,
	// 包括 "including" not a bag, 卡通 "cartoon" not a card, 地铁 not iron).
	{concept{"", facetNone, ""}, "蓝牙 酒店 银行 房间 客房 客人 白天 红绿灯 黑夜 金额 小时 表面 包括 包含 面包 卡通 值钱 地铁 奶粉 bluetooth"},
}

// compounds are words that name two concepts at once.
var compounds = map[string][]string{
	"iphone":      {"phone", "apple"},
	"ipad":        {"tablet", "apple"},
	"airpods":     {"earphones", "apple"},
	"airpod":      {"earphones", "apple"},
	"macbook":     {"laptop", "apple"},
	"苹果手机":        {"phone", "apple"},
	"华为手机":        {"phone", "huawei"},
	"小米手机":        {"phone", "xiaomi"},
	"iwatch":      {"watch", "apple"},
	"皮夹克":         {"coat", "leather"},
	"皮衣":          {"coat", "leather"},
	"牛仔裤":         {"trousers", "denim"},
	"牛仔外套":        {"coat", "denim"},
	"金戒指":         {"ring", "gold"},
	"金项链":         {"necklace", "gold"},
	"银项链":         {"necklace", "silver"},
	"银手镯":         {"bracelet", "silver"},
	"皮带":          {"belt", "leather"},
	"belt":        {"belt"},
	"腰带":          {"belt"},
	"塑料袋":         {"bag", "plastic"},
	"帆布包":         {"bag", "fabric"},
	"帆布袋":         {"bag", "fabric"},
	"羊毛围巾":        {"scarf", "wool"},
	"羊绒围巾":        {"scarf", "wool"},
	"皮手套":         {"gloves", "leather"},
	"apple_watch": {"watch", "apple"},
	"lego":        {"toy", "lego"},
	"羽绒服":         {"coat", "down"},
	"羽绒外套":        {"coat", "down"},
	"down_jacket": {"coat", "down"},
	"down_coat":   {"coat", "down"},
	"美元":          {"cash", "usa"},
	"美金":          {"cash", "usa"},
	"dollar":      {"cash", "usa"},
	"us_dollar":   {"cash", "usa"},
	"人民币":         {"cash", "china"},
	"元":           {"cash", "china"},
	"rmb":         {"cash", "china"},
	"yuan":        {"cash", "china"},
	"乐高":          {"toy", "lego"},
}

// Concepts only compounds name.
var compoundConcepts = []concept{{"belt", facetItem, "clothes"}}

// lexicon is the thesaurus as the splitter reads it.
type lexicon struct {
	concepts map[string]*concept   // by name
	words    map[string][]*concept // by word (lower case; phrases with a space)
	hanMax   int                   // the longest Chinese word, in characters
	wordsMax int                   // the longest English phrase, in words
}

// lex is the thesaurus matching uses; tests swap it.
var lex = newLexicon(thesaurus, compounds)

func newLexicon(groups []group, comp map[string][]string) *lexicon {
	l := &lexicon{concepts: map[string]*concept{}, words: map[string][]*concept{}, hanMax: 1, wordsMax: 1}
	for _, c := range compoundConcepts {
		l.concepts[c.name] = &c
	}
	for i := range groups {
		g := &groups[i]
		c := &g.concept
		if c.name != "" {
			l.concepts[c.name] = c
		}
		for _, w := range strings.Fields(g.words) {
			l.add(w, c)
		}
	}
	for w, names := range comp {
		var cs []*concept
		for _, n := range names {
			if c := l.concepts[n]; c != nil {
				cs = append(cs, c)
			}
		}
		if len(cs) > 0 {
			l.words[strings.ReplaceAll(w, "_", " ")] = nil
			l.add(w, cs...)
		}
	}
	return l
}

func (l *lexicon) add(w string, cs ...*concept) {
	w = strings.ReplaceAll(w, "_", " ")
	l.words[w] = append(l.words[w], cs...)
	if isHan(w) {
		l.hanMax = max(l.hanMax, len([]rune(w)))
	} else {
		l.wordsMax = max(l.wordsMax, len(strings.Fields(w)))
	}
}

// related reports whether a and b are the same concept, or one is a kind
// of the other.
func (l *lexicon) related(a, b *concept) bool {
	return a == b || (a.broader != "" && l.concepts[a.broader] == b) || (b.broader != "" && l.concepts[b.broader] == a)
}
