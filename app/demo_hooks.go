package app

// The request and loan history generators (requests_demo.go,
// loans_demo.go) plugged into Demo. Their owners may register them in
// their own files instead: the same name replaces this registration.
func init() {
	RegisterDemo(DemoGenerator{Name: "loans", Weight: 6, Make: DemoLoans})
	RegisterDemo(DemoGenerator{Name: "requests", Weight: 8, Make: DemoRequests})
}
