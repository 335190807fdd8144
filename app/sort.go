package app

import (
	"slices"
	"time"
)

// sortBy sorts a list by a time, oldest first, keeping equal times in order.
func sortBy[T any](list []T, at func(T) time.Time) {
	slices.SortStableFunc(list, func(a, b T) int { return at(a).Compare(at(b)) })
}
