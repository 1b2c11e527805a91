package fi.nivel.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Nivel's engine: Operaton (or Camunda 7.24 with the Maven profile {@code camunda}) with its REST
 * API and web apps. The environment is turned into Spring properties before Spring starts, so the
 * same jar serves the embedded default (H2 under DATA_DIR) and production (PostgreSQL).
 */
@SpringBootApplication
public class NivelEngine {
  public static void main(String[] args) {
    EngineEnvironment.fromSystem().apply();
    SpringApplication.run(NivelEngine.class, args);
  }
}
