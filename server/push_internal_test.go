package server

import "testing"

func TestCompactJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a":1}`, `{"a":1}`},
		{`{"a": 1}`, `{"a":1}`},
		{`{"a":"x y"}`, `{"a":"x y"}`},
		{`{"a":"q\" "}`, `{"a":"q\" "}`},
		{`{"a":"b\\", "c":2}`, `{"a":"b\\","c":2}`},
		{"{\n\t\"a\":[1,\r\n2]}", `{"a":[1,2]}`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := compactJSON([]byte(tt.in))
			if err != nil || string(got) != tt.want {
				t.Fatalf("compactJSON(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}
