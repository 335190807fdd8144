package kit

import "fyne.io/fyne/v2/lang"

// Counted is the text under key for a count of n: the key's ".one" text
// when n is 1 and the language has one ("1 item", where Chinese needs no
// other form), the key's own text otherwise. data adds further fields to
// Count.
func Counted(key string, n int, data ...map[string]any) string {
	fields := map[string]any{"Count": n}
	for _, d := range data {
		for k, v := range d {
			fields[k] = v
		}
	}
	if n == 1 {
		if t := spoken.Load(); t != nil && (*t)[key+".one"] != "" {
			key += ".one"
		}
	}
	return lang.L(key, fields)
}
