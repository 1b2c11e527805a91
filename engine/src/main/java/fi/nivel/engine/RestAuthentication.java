package fi.nivel.engine;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP basic authentication on the REST API, against the engine's own identity service. The
 * filter is the engine's; only its package differs between Operaton and Camunda, so it is
 * looked up by name and this class builds unchanged on both.
 */
@Configuration
public class RestAuthentication {
  private static final String[] ENGINE_PACKAGES = {"org.operaton.bpm", "org.camunda.bpm"};

  @Bean
  public FilterRegistrationBean<Filter> processEngineAuthenticationFilter() throws ReflectiveOperationException {
    String pkg = enginePackage();
    Filter filter = (Filter) Class.forName(pkg + ".engine.rest.security.auth.ProcessEngineAuthenticationFilter")
        .getDeclaredConstructor().newInstance();
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("engine-rest-basic-auth");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider",
        pkg + ".engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
    return registration;
  }

  private static String enginePackage() {
    for (String pkg : ENGINE_PACKAGES) {
      try {
        Class.forName(pkg + ".engine.ProcessEngine");
        return pkg;
      } catch (ClassNotFoundException notThisEngine) {
        // try the next one
      }
    }
    throw new IllegalStateException("Neither Operaton nor Camunda 7 is on the classpath");
  }
}
