package fi.nivel.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/** Reads DATA_DIR, DATABASE_URL and the engine admin's credentials from the environment. */
final class EngineEnvironment {
  private final Map<String, String> env;

  private EngineEnvironment(Map<String, String> env) {
    this.env = env;
  }

  static EngineEnvironment fromSystem() {
    return new EngineEnvironment(System.getenv());
  }

  void apply() {
    Path dataDir = Path.of(env.getOrDefault("DATA_DIR", "data")).toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
      applyDatabase(dataDir);
      applyAdmin(dataDir);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot prepare DATA_DIR " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private void applyDatabase(Path dataDir) {
    String url = env.get("DATABASE_URL");
    if (url == null || url.isBlank()) {
      // H2 writes committed transactions lazily (WRITE_DELAY, 500 ms by default): a process
      // killed within that window loses transactions the REST API already acknowledged.
      // WRITE_DELAY=0 writes every commit to the file before the commit returns.
      set("spring.datasource.url",
          "jdbc:h2:file:" + dataDir.resolve("engine").resolve("nivel") + ";WRITE_DELAY=0");
      set("spring.datasource.username", "sa");
      set("spring.datasource.password", "");
      set("spring.datasource.driver-class-name", "org.h2.Driver");
      return;
    }
    set("spring.datasource.driver-class-name", "org.postgresql.Driver");
    if (url.startsWith("jdbc:")) {
      set("spring.datasource.url", url);
      setIfPresent("spring.datasource.username", env.get("DATABASE_USER"));
      setIfPresent("spring.datasource.password", env.get("DATABASE_PASSWORD"));
      return;
    }
    // postgres://user:password@host:port/database, the form most platforms hand out
    URI uri = URI.create(url);
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    set("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      String[] parts = userInfo.split(":", 2);
      set("spring.datasource.username", decode(parts[0]));
      if (parts.length > 1) set("spring.datasource.password", decode(parts[1]));
    }
  }

  private void applyAdmin(Path dataDir) throws IOException {
    String user = env.get("ENGINE_ADMIN_USER");
    String password = env.get("ENGINE_ADMIN_PASSWORD");
    Path file = dataDir.resolve("engine-admin.properties");
    if (isBlank(user) || isBlank(password)) {
      Properties stored = new Properties();
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file)) {
          stored.load(in);
        }
      } else {
        stored.setProperty("user", isBlank(user) ? "admin" : user);
        stored.setProperty("password", generatePassword());
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (Writer out = Files.newBufferedWriter(file)) {
          stored.store(out, "Nivel engine admin, generated on first start");
        }
      }
      user = isBlank(user) ? stored.getProperty("user") : user;
      password = stored.getProperty("password");
      System.out.println("Engine admin: " + user + " / " + password + " (stored in " + file + ")");
    }
    set("nivel.admin.user", user);
    set("nivel.admin.password", password);
  }

  /**
   * 24 random characters, framed so that the engine's password policy (lower and upper case, a
   * digit and a special character) holds whatever the random part happens to contain.
   */
  private static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return "Nv-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-7";
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static void setIfPresent(String key, String value) {
    if (!isBlank(value)) set(key, value);
  }

  private static void set(String key, String value) {
    System.setProperty(key, value);
  }
}
