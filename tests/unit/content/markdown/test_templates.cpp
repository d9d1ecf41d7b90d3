#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "folio/markdown.hpp"

using folio::strip_templates;

namespace {

struct StripCase {
  const char* name;
  std::string input;
  std::string expected;
};

long count_lines(const std::string& text) {
  return std::count(text.begin(), text.end(), '\n');
}

std::string repeat(const std::string& part, std::size_t times) {
  std::string out;
  out.reserve(part.size() * times);
  for (std::size_t i = 0; i < times; ++i)
    out += part;
  return out;
}

void check_cases(const std::vector<StripCase>& cases) {
  for (const StripCase& c : cases) {
    CAPTURE(c.name, c.input);
    CHECK(strip_templates(c.input) == c.expected);
  }
}

}  // namespace

TEST_CASE("templates: Hugo shortcodes are removed, the inner text of paired ones kept") {
  check_cases({
      {"self-closing angle", "a {{< figure src=\"x.png\" >}} b", "a  b"},
      {"self-closing with slash", "a {{< youtube id=\"x\" />}} b", "a  b"},
      {"paired angle", "{{< note >}}Inner text{{< /note >}}", "Inner text"},
      {"paired percent", "{{% details title=\"More\" %}}**Bold** inside{{% /details %}}",
       "**Bold** inside"},
      {"no spaces", "x{{<br>}}y", "xy"},
      {"nested", "{{< tabs >}}{{< tab \"Go\" >}}go text{{< /tab >}}{{< /tabs >}}", "go text"},
      {"link destination keeps a placeholder", "[text]({{< ref \"post.md\" >}} \"Title\")",
       "[text](# \"Title\")"},
      {"reference definition keeps a placeholder", "[1]: {{< relref \"x.md\" >}}", "[1]: #"},
      {"URL prefix", "[t]({{< baseurl >}}/docs/)", "[t](#/docs/)"},
      {"argument containing >", "a {{< cmp x=\"1 > 0\" >}} b", "a  b"},
  });
}

TEST_CASE("templates: escaped shortcodes from Hugo's docs keep their inner text") {
  check_cases({
      {"angle", "Use {{</* figure src=\"x\" */>}} here", "Use  figure src=\"x\"  here"},
      {"percent", "Use {{%/* note */%}} here", "Use  note  here"},
      {"closing", "{{</* /note */>}}", " /note "},
  });
}

TEST_CASE("templates: Go templates, Liquid and Zola tags are removed") {
  check_cases({
      {"go action", "Title: {{ .Title }}!", "Title: !"},
      {"go trim markers", "a {{- .Params.x -}} b", "a  b"},
      {"go comment", "a {{/* note */}} b", "a  b"},
      {"zola shortcode", "{{ youtube(id=\"dQw4w9WgXcQ\") }}", ""},
      {"liquid tag", "{% include note.html %}text", "text"},
      {"liquid block", "{% raw %}kept{% endraw %}", "kept"},
      {"zola comment", "a {# hidden #} b", "a  b"},
      {"go blog raw text", "Code:\n\n{{raw `\n\tfunc main() {\n\n\t}\n`}}\n\nAfter",
       "Code:\n\n\n\tfunc main() {\n\n\t}\n\n\nAfter"},
      {"raw with more arguments is an ordinary action", "{{raw `x` y}} z", " z"},
      {"zola body shortcode", "{% note(kind=\"tip\") %}\nTip text\n{% end %}", "\nTip text\n"},
  });
}

TEST_CASE("templates: line breaks inside removed syntax are kept so line numbers stay right") {
  const std::string input = "line 1\n{{< figure\n  src=\"x.png\"\n  alt=\"a\" >}}\nline 5\n";
  const std::string output = strip_templates(input);
  CHECK(output == "line 1\n\n\n\nline 5\n");
  CHECK(count_lines(output) == count_lines(input));
}

TEST_CASE("templates: code is left alone") {
  check_cases({
      {"fenced backticks", "```go-html-template\n{{ .Title }}\n{{< x >}}\n```\n{{ .Y }}",
       "```go-html-template\n{{ .Title }}\n{{< x >}}\n```\n"},
      {"fenced tildes", "~~~\n{% raw %}\n~~~\nafter {% x %}", "~~~\n{% raw %}\n~~~\nafter "},
      {"longer closing fence", "````\n{{ a }}\n```\n{{ b }}\n`````\n{{ c }}",
       "````\n{{ a }}\n```\n{{ b }}\n`````\n"},
      {"indented fence in a list", "- item\n\n  ```\n  {{ a }}\n  ```\n",
       "- item\n\n  ```\n  {{ a }}\n  ```\n"},
      {"unterminated fence runs to the end", "```\n{{ a }}\n", "```\n{{ a }}\n"},
      {"inline code", "Write `{{< note >}}` or ``{{ .Title }}`` {{ .X }}",
       "Write `{{< note >}}` or ``{{ .Title }}`` "},
      {"backtick line is not a fence", "```{{ a }}``` {{ b }}", "```{{ a }}``` "},
      {"unclosed backtick", "a ` {{ b }}", "a ` "},
      {"escaped backtick", "\\`{{ b }}`", "\\``"},
  });
}

TEST_CASE("templates: unterminated syntax keeps the text and does not swallow the file") {
  check_cases({
      {"angle", "Unterminated {{< broken\n\nNext paragraph {{< x >}}.",
       "Unterminated {{< broken\n\nNext paragraph ."},
      {"percent", "{{% oops\n\nkept", "{{% oops\n\nkept"},
      {"go", "{{ oops\n\nkept {{ x }}", "{{ oops\n\nkept "},
      {"liquid", "{% oops\n\nkept", "{% oops\n\nkept"},
      {"comment", "{# oops\n\nkept", "{# oops\n\nkept"},
      {"closer in a later paragraph", "{{< a\n\n>}} b", "{{< a\n\n>}} b"},
      {"heading attribute", "## Title {#custom-id}\n", "## Title {#custom-id}\n"},
      {"single brace", "{ json: 1 }", "{ json: 1 }"},
  });
}

TEST_CASE("templates: hostile input finishes and keeps its size") {
  SECTION("a megabyte of {{<") {
    const std::string input = repeat("{{<", 350000);
    CHECK(strip_templates(input) == input);
  }
  SECTION("a megabyte of {{ and {%") {
    const std::string input = repeat("{{{%{#", 170000);
    CHECK(strip_templates(input) == input);
  }
  SECTION("backtick runs of every length") {
    std::string input;
    for (int i = 1; i < 1500; ++i)
      input += std::string(static_cast<std::size_t>(i), '`') + " {{ x ";
    CHECK(strip_templates(input).size() == input.size());
  }
  SECTION("many shortcodes") {
    const std::string input = repeat("{{< x >}}a", 100000);
    CHECK(strip_templates(input) == std::string(100000, 'a'));
  }
}

TEST_CASE("templates: the shortcodes a text calls, each once at its first line") {
  std::vector<folio::ShortcodeUse> uses;
  folio::strip_templates(
      "intro\n{{< note >}}inner{{< /note >}}\n\n```\n{{< not-code >}}\n```\n"
      "{{% docs/alert color=\"red\" %}}x{{% /docs/alert %}}\n{{< note >}}\n"
      "{{</* escaped */>}}\n",
      &uses);
  REQUIRE(uses.size() == 2);
  CHECK(uses[0].name == "note");
  CHECK(uses[0].line == 2);
  CHECK(uses[1].name == "docs/alert");
  CHECK(uses[1].line == 7);
}
