import { intakeGroup } from "../../../lib/organisations/case-groups.js";
import { executableProcess } from "../../support/models.js";

/**
 * start → the user task `review` → end, with a non-interrupting ReleaseDateChanged boundary event
 * on the task, as the pathways have (declares no tests). `review` holds the task's attributes.
 */
export function reviewWithReleaseDateMessage(key: string, review = `name="Review" camunda:candidateGroups="${intakeGroup("hva-ita-uusimaa")}"`): string {
  return executableProcess(
    key,
    `
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" ${review} />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
    <bpmn:boundaryEvent id="onReleaseDate" attachedToRef="review" cancelActivity="false">
      <bpmn:messageEventDefinition messageRef="releaseDateChanged" />
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="onReleaseDate" targetRef="recomputed" />
    <bpmn:endEvent id="recomputed" />`,
    `\n  <bpmn:message id="releaseDateChanged" name="ReleaseDateChanged" />`,
  );
}
