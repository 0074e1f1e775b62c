import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * deploy/try-it.sh's browser: signs in to the console at {@code args[0]} (through nginx) as {@code args[1]} with the
 * password in STAMPBOARD_SIGN_IN_PASSWORD, takes screenshots of the login page and the dashboard into {@code args[2]},
 * and prints the session cookie ({@code JSESSIONID=…}) so the script can ask each instance whether it holds that
 * session. Headless Chromium from the system (/usr/bin/chromium, or CHROMIUM); exits 1 if the sign-in does not lead
 * away from /login. Run as a single source file: {@code java -cp <playwright jars> deploy/SignIn.java URL USER DIR}.
 */
public class SignIn {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        Path out = Path.of(args[2]);
        String password = System.getenv("STAMPBOARD_SIGN_IN_PASSWORD");
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        try (Playwright pw = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = pw.chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Path.of(chromium))
                            .setHeadless(true)
                            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
            BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000));
            Page page = context.newPage();
            page.setDefaultTimeout(120_000);
            page.navigate(base + "/login");
            page.waitForSelector("vaadin-login-form input[name=username]");
            page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("login.png")));
            page.fill("vaadin-login-form input[name=username]", user);
            page.fill("vaadin-login-form input[name=password]", password);
            page.click("vaadin-login-form vaadin-button");
            page.waitForURL(url -> !url.contains("/login"));
            page.waitForSelector("vaadin-app-layout");
            page.waitForTimeout(Integer.getInteger("settle", 5000));
            page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("dashboard.png")).setFullPage(true));
            System.out.println("signed in: " + page.url() + " title: " + page.title());
            // a second page load on the same session: it must reach the same instance
            page.reload();
            page.waitForSelector("vaadin-app-layout");
            if (page.url().contains("/login")) {
                System.out.println("signed out after a reload: " + page.url());
                System.exit(1);
            }
            for (Cookie c : context.cookies()) {
                if (c.name.equals("JSESSIONID")) {
                    System.out.println("JSESSIONID=" + c.value);
                }
            }
            browser.close();
        }
    }
}
