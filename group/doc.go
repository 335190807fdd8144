// Package group is a group supervisor's desk (集团总览): a read-only copy
// of each property the server's group grant lists, every one in its own
// store under the desk's data folder (group/<property>/, encrypted with the
// desk's key), folded by the same app modules as a property's own desk and
// kept up to date by its own pull-only sync client (a snapshot first, as a
// new desk joins). A group desk never pushes and never runs a command: its
// actor (Viewer) holds no role a command authorizes.
package group
