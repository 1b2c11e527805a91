package fi.nivel.engine;

import jakarta.servlet.Filter;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.operaton.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may use /engine-rest: HTTP basic authentication against the engine's own identity service
 * (the engine's filter), then {@link RestGate}, which lets through only Nivel's service accounts
 * and the engine admin. Staff sign in to Nivel, never to the engine.
 */
@Configuration
public class RestAuthentication {
  private static final String REST = "/engine-rest/*";

  @Bean
  public FilterRegistrationBean<Filter> processEngineAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-basic-auth");
    registration.addUrlPatterns(REST);
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(1);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> restGate(ProcessEngine engine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RestGate(engine));
    registration.setName("engine-rest-gate");
    registration.addUrlPatterns(REST);
    // after authentication, which puts the user and groups on the identity service
    registration.setOrder(2);
    return registration;
  }
}
