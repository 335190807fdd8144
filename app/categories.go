package app

// Category is a lost-and-found item category.
type Category string

// Lost-and-found categories.
const (
	CatElectronics Category = "electronics"
	CatDocuments   Category = "documents" // documents and IDs
	CatValuables   Category = "valuables" // jewellery and valuables
	CatCash        Category = "cash"
	CatClothing    Category = "clothing"
	CatOther       Category = "other"
)

// Categories lists the categories in display order.
var Categories = []Category{CatElectronics, CatDocuments, CatValuables, CatCash, CatClothing, CatOther}

func CategoryNames() []string {
	out := make([]string, len(Categories))
	for i, c := range Categories {
		out[i] = string(c)
	}
	return out
}
