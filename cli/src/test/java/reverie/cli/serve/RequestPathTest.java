package reverie.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

  @Test
  void segmentsAreDecodedOneByOne() {
    assertEquals(List.of(), RequestPath.parse("/").orElseThrow().segments());
    assertEquals(
        List.of("api", "runs", "my run", "tasks", "a/b \"c\" & d"),
        RequestPath.parse("/api/runs/my%20run/tasks/a%2Fb%20%22c%22%20%26%20d")
            .orElseThrow()
            .segments());
    // A plus is a plus in a path, and UTF-8 escapes decode.
    assertEquals(
        List.of("1+1", "caf\u00e9"), RequestPath.parse("/1+1/caf%C3%A9").orElseThrow().segments());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/..",
        "/a/../b",
        "/a/%2e%2e/b",
        "/a/%2E%2e",
        "/a/.%2e",
        "/a/.",
        "/a//b",
        "/a/",
        "/a/%00",
        "/a/%zz",
        "/a/%2",
        "/a/%C3",
        "relative",
        "/caf\u00e9"
      })
  void dotSegmentsAndMalformedPathsAreRefused(String raw) {
    assertTrue(RequestPath.parse(raw).isEmpty(), raw);
  }

  @Test
  void fileNamesHaveNoSeparatorAndNoLeadingDot() {
    assertTrue(RequestPath.isFileName("heatmap.png"));
    assertFalse(RequestPath.isFileName("../x"));
    assertFalse(RequestPath.isFileName("a\\b"));
    assertFalse(RequestPath.isFileName(".iteration-002.partial"));
  }

  @Test
  void htmlIsEscaped() {
    assertEquals(
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;",
        Html.escape("<script>alert('x') & \"y\"</script>"));
  }

  @Test
  void embeddedJsonCannotCloseItsScriptElement() {
    String json =
        StaticReport.scriptSafeJson(
            JsonNodeFactory.instance.objectNode().put("name", "</script><b>&\u2028"));
    assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    assertEquals("{\"name\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\"}", json);
  }
}
