package fi.nivel.engine;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A body that is not JSON, or not of the expected shape, is answered in the engine's own error
 * shape {@code {type, message}} on every start. Both the engine and Jersey's Jackson provider map
 * these exceptions, with the same priority, so which one answered (Jackson's as text/plain)
 * depended on the order the providers happened to load in; these are registered ahead of both.
 */
@Configuration
public class JsonErrors {
  /** Jersey picks the mapper with the lowest priority number among equally specific ones. */
  private static final int AHEAD_OF_THE_PROVIDERS = 1;

  @Bean
  public ResourceConfigCustomizer jsonErrorMappers() {
    return config -> {
      config.register(new Malformed(), AHEAD_OF_THE_PROVIDERS);
      config.register(new Misshapen(), AHEAD_OF_THE_PROVIDERS);
    };
  }

  private static Response badRequest(String message) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidRequestException", "message", message))
        .build();
  }

  static final class Malformed implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return badRequest("The request body is not valid JSON.");
    }
  }

  static final class Misshapen implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      return badRequest("The request body does not have the expected fields and types.");
    }
  }
}
