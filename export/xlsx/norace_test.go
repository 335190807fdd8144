//go:build !race

package xlsx_test

const race = false
