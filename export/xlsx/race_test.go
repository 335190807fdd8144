//go:build race

package xlsx_test

// race is whether the race detector is on: it makes the million-row test
// take minutes.
const race = true
