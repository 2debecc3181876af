package featkey

import "testing"

// The keys are stored in shipped models: they must not change.
func TestFixed(t *testing.T) {
	for _, c := range []struct {
		got, want uint64
	}{
		{String(""), 14695981039346656037},
		{String("a"), 0xaf63dc4c8601ec8c},
	} {
		if c.got != c.want {
			t.Errorf("got %#x, want %#x", c.got, c.want)
		}
	}
	if Key1(1, 2) == Key2(1, 2, 0) || Key2(1, 2, 3) == Key2(1, 3, 2) {
		t.Error("keys of different values collide")
	}
}
