// Package group is the group supervisor's overview (集团总览): the
// properties the desk's group grant lists side by side, each with the
// dashboard's counts (requests late, keys overdue, loans overdue, found
// items past holding) as that property's own dashboard computes them, and
// its sync state; a property opens read-only in the register screens.
package group
