import { EngineError } from "../../lib/engine/client.js";
import { ParseDetails } from "./modeler/parse-details.js";
import { ApiProblem } from "./problems.js";

/**
 * The engine's errors in our own words. Its exception class names and messages (which name Java
 * classes, engine codes such as ENGINE-03005, and can quote variable values) never reach the
 * user; only a diagram's parse problems do, for the process owner to fix them on the elements.
 * The log gets the engine's status and exception type, never its message.
 */
export function engineProblem(error: EngineError): ApiProblem {
  const { status, type, message } = error;
  if (type === "TaskAlreadyClaimedException") {
    return new ApiProblem(409, "TaskAlreadyClaimed", "task-claimed", "Someone else has claimed this task.");
  }
  // code 1 is the engine's own code for optimistic locking, whichever exception carries it; a
  // NullPointerException is what the engine throws when what it was changing vanished under a
  // concurrent change (seen: one task completed by two requests at once, its execution gone)
  if (type === "OptimisticLockingException" || error.code === 1 || /\bENGINE-03005\b/.test(message) || (type === "NullPointerException" && !/\btask"? is null\b/.test(message))) {
    return new ApiProblem(409, "ConcurrentChange", "concurrent-change", "Someone else changed this at the same moment. Reload and try again.");
  }
  if (type === "ParseException") {
    const details = ParseDetails.safeParse(error.details);
    return new ApiProblem(400, "InvalidDiagram", "diagram-invalid", "The engine could not accept the diagram; the problems are marked on its elements.", details.success ? { details: details.data } : {});
  }
  // a resource that is not XML at all fails before the BPMN parse proper (ENGINE-09xxx)
  if (type === "ProcessEngineException" && /^ENGINE-09\d{3}\b/.test(message)) {
    return new ApiProblem(400, "InvalidDiagram", "diagram-unreadable", "The diagram could not be read as BPMN 2.0 XML.");
  }
  if (/MismatchingMessageCorrelationException/.test(message)) {
    return new ApiProblem(409, "MessageNotAwaited", "message-not-awaited", "The case is not waiting for this message.");
  }
  // a task completed by a request that raced this one is gone by the time this one reaches it;
  // the engine says so in several ways (NullValue-, NotFound-, BadUserRequest-, even NullPointerException)
  if (status === 404 || type === "NotFoundException" || /\bCannot find task\b|\btask"? is null\b/.test(message)) {
    return new ApiProblem(404, "NotFound", "not-found", "No such task, case or instance; it may have ended.");
  }
  if (status === 400) return new ApiProblem(400, "InvalidRequestException", "engine-refused", "The process engine refused the request as invalid.");
  console.error(`web: the engine answered ${status} ${type.replace(/[^\w.]/g, "")}`);
  if (status === 401 || status === 403) {
    return new ApiProblem(502, "EngineRefused", "engine-authorization", "The server may not do this in the process engine. Tell the administrators.");
  }
  return new ApiProblem(502, "EngineError", "engine-error", "The process engine could not complete the request. Try again shortly.");
}
