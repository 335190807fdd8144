package app

import (
	"slices"
	"time"
)

// SortBy sorts a list by a time, oldest first, keeping equal times in order.
func SortBy[T any](list []T, at func(T) time.Time) {
	slices.SortStableFunc(list, func(a, b T) int { return at(a).Compare(at(b)) })
}
