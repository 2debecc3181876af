package segment_test

import (
	"fmt"

	"github.com/datelinehq/dateline/segment"
)

func ExampleSplit() {
	for _, s := range segment.Split("Putin is joined by Foreign Minister Sergey Lavrov. “I may leave,” he told reporters.") {
		fmt.Println(s.Start, s.End, len(s.Tokens))
	}
	// Output:
	// 0 50 9
	// 51 84 10
}
