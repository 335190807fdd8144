package kit

// DepartmentName is a department's name in the user's language, from the
// translation key "dept.<code>"; an unknown code shows as itself, and ""
// as "".
func DepartmentName(code string) string {
	if code == "" {
		return ""
	}
	return X("dept."+code, code)
}
