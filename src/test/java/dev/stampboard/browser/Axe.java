package dev.stampboard.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs axe-core (test resource, see axe/SOURCE.md) in the page and returns its violations of moderate impact or worse. */
final class Axe {

    private static String script;

    private Axe() {}

    static synchronized String script() {
        if (script == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe/axe.min.js missing from the test resources");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return script;
    }

    /** "rule (impact): target … — help" for every moderate, serious or critical violation on the page. */
    @SuppressWarnings("unchecked")
    static List<String> moderateOrWorse(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
        }
        Object result = page.evaluate("""
                async () => {
                  // Vaadin's connection indicator sits outside the app (body level) and shows only when the
                  // server is unreachable: it is the framework's, not a page of the console
                  const r = await axe.run({ exclude: [['vaadin-connection-indicator']] }, { resultTypes: ['violations'] });
                  return r.violations.filter(v => ['moderate', 'serious', 'critical'].includes(v.impact))
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\\s+/g, ' ')) }));
                }""");
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) result) {
            Map<String, Object> v = (Map<String, Object>) o;
            out.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("targets"));
        }
        return out;
    }

    /** Probe a running console by hand: {@code java -cp … dev.stampboard.browser.Axe http://localhost:8096 user path…}. */
    public static void main(String[] args) {
        try (var playwright = com.microsoft.playwright.Playwright.create();
                var browser = playwright
                        .chromium()
                        .launch(new com.microsoft.playwright.BrowserType.LaunchOptions()
                                .setExecutablePath(java.nio.file.Path.of("/usr/bin/chromium"))
                                .setHeadless(true)
                                .setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            Page page = browser.newPage(new com.microsoft.playwright.Browser.NewPageOptions()
                    .setBypassCSP(true)
                    .setViewportSize(Integer.parseInt(System.getProperty("width", "1440")), 900));
            page.setDefaultTimeout(120_000);
            Chromium.signIn(page, args[0], args[1]);
            for (int i = 2; i < args.length; i++) {
                page.navigate(args[0] + "/" + args[i]);
                page.waitForTimeout(4000);
                System.out.println("== /" + args[i]);
                moderateOrWorse(page).forEach(v -> System.out.println("  " + v));
                if (System.getProperty("shots") != null) {
                    page.screenshot(new Page.ScreenshotOptions()
                            .setFullPage(true)
                            .setPath(java.nio.file.Path.of(
                                    System.getProperty("shots"), args[i].replaceAll("[^a-z0-9]+", "_") + ".png")));
                }
            }
        }
    }
}
