package deps
import (
 _ "github.com/yuin/goldmark"
 _ "gopkg.in/yaml.v3"
 _ "golang.org/x/text/unicode/norm"
 _ "golang.org/x/text/collate"
 _ "github.com/go-git/go-git/v5"
 _ "github.com/rogpeppe/go-internal/testscript"
 _ "github.com/chromedp/chromedp"
)
