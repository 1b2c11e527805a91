package fi.nivel.engine;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.identity.Authentication;

/**
 * The REST API belongs to the app: an authenticated caller gets through only as a member of
 * {@value #SERVICE_GROUP} (the app's and the workers' accounts) or as the engine admin. A staff
 * member's password is checked by the app through /identity/verify, but their account reaches
 * nothing here, whatever authorizations it might hold.
 */
final class RestGate implements Filter {
  /** The group of Nivel's service accounts: SERVICE_GROUP of lib/config.ts, which lib/engine/service-accounts.ts creates with its members. */
  static final String SERVICE_GROUP = "nivel-service";
  /** what the authentication filter lets through unauthenticated: the list of engine names */
  private static final Pattern OPEN = Pattern.compile("^/engine/?$");

  private final ProcessEngine engine;

  RestGate(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    String path = http.getRequestURI().substring(http.getContextPath().length() + http.getServletPath().length());
    if (OPEN.matcher(path).matches() || admitted(engine.getIdentityService().getCurrentAuthentication())) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletResponse http403 = (HttpServletResponse) response;
    http403.setStatus(HttpServletResponse.SC_FORBIDDEN);
    http403.setContentType("application/json");
    http403.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"This account may not use the engine's REST API; it is reserved for Nivel's service accounts.\"}");
  }

  private boolean admitted(Authentication authentication) {
    if (authentication == null) return false;
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(authentication.getUserId())) return true;
    for (String group : authentication.getGroupIds() == null ? java.util.List.<String>of() : authentication.getGroupIds()) {
      if (group.equals(SERVICE_GROUP)) return true;
      if (configuration.getAdminGroups() != null && configuration.getAdminGroups().contains(group)) return true;
    }
    return false;
  }
}
