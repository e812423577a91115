package com.acme.intake.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium}, driven through
 * {@code /usr/bin/chromedriver} by Selenium) for the browser tests: a fresh profile and download
 * folder per instance, demo-user login, screenshots, explicit waits only.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "demo";

    private final String base;
    private final Path profile;
    private final Path downloads;
    private final ChromeDriver driver;

    /** A browser with the language of its UI and its Accept-Language set to lang ({@code en} or {@code ja}). */
    public Browser(URL deployment, String lang) {
        requireInstalled(CHROMIUM);
        requireInstalled(CHROMEDRIVER);
        this.base = deployment.toString().endsWith("/") ? deployment.toString() : deployment + "/";
        try {
            profile = Files.createTempDirectory("intake-chromium-");
            downloads = Files.createTempDirectory("intake-downloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile, "--lang=" + lang);
        options.setExperimentalOption("prefs", Map.of(
                "intl.accept_languages", lang,
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
    }

    private static void requireInstalled(String file) {
        if (!Files.isExecutable(Path.of(file))) {
            throw new IllegalStateException(file + " is missing: the browser tests need Debian's Chromium and its driver "
                    + "(apt-get install chromium chromium-driver)");
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Path downloads() {
        return downloads;
    }

    /** Opens a page of the application, e.g. {@code open("requests.html")}. */
    public Browser open(String page) {
        driver.get(base + page);
        return this;
    }

    public String url(String page) {
        return base + page;
    }

    /** Signs in through the login form as a demo user and waits for the start page's header. */
    public Browser login(String user) {
        open("login.html");
        loginForm(user, PASSWORD);
        // the start page (index.html) sends the browser on to the page of the user's role
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(d -> {
            String url = d.getCurrentUrl();
            return !url.contains("login.html") && !url.endsWith("/") && !url.contains("index.html")
                    && !d.findElements(By.cssSelector("#app-header nav")).isEmpty();
        });
        return this;
    }

    /** Fills and sends the login form of the page that is open. */
    public void loginForm(String user, String password) {
        var name = waitFor(By.id("username"));
        name.clear();
        name.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
    }

    public WebElement waitFor(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until the intake form has imported its data and takes input ({@code aria-busy} false):
     * keys sent to a field that is already shown but not yet ready are overwritten by the import.
     */
    public void waitForFormReady() {
        until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#form-container[aria-busy='false']")));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Waits until the element's text contains the expected text. */
    public WebElement waitForText(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Writes {@code target/screenshots/<name>.png}, and {@code <dir>/<name>.png} as well when the
     * system property {@code intake.screenshots} names a folder (the README's {@code docs/screenshots}).
     */
    public Path screenshot(String name) {
        try {
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            String docs = System.getProperty("intake.screenshots");
            if (docs != null && !docs.isBlank()) {
                Path copy = Path.of(docs, name + ".png");
                Files.createDirectories(copy.getParent());
                Files.copy(shot, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(shot);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
