package fi.nivel.engine.policy;

import org.operaton.bpm.engine.filter.Filter;
import org.operaton.bpm.engine.identity.Group;
import org.operaton.bpm.engine.identity.Tenant;
import org.operaton.bpm.engine.identity.User;
import org.operaton.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.operaton.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.operaton.bpm.engine.repository.DecisionRequirementsDefinition;
import org.operaton.bpm.engine.repository.Deployment;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * No authorization is granted as a side effect. The engine's default provider gives a task's
 * assignee and candidates rights on it, a new user rights on their own profile, and group members
 * the group: staff accounts would then hold rights to client data through /engine-rest. In Nivel
 * only the service accounts hold authorizations, granted on purpose (lib/engine/service-accounts.ts).
 */
public class GrantsNothing implements ResourceAuthorizationProvider {
  @Override public AuthorizationEntity[] newUser(User user) { return null; }
  @Override public AuthorizationEntity[] newGroup(Group group) { return null; }
  @Override public AuthorizationEntity[] newTenant(Tenant tenant) { return null; }
  @Override public AuthorizationEntity[] groupMembershipCreated(String groupId, String userId) { return null; }
  @Override public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, User user) { return null; }
  @Override public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, Group group) { return null; }
  @Override public AuthorizationEntity[] newFilter(Filter filter) { return null; }
  @Override public AuthorizationEntity[] newDeployment(Deployment deployment) { return null; }
  @Override public AuthorizationEntity[] newProcessDefinition(ProcessDefinition processDefinition) { return null; }
  @Override public AuthorizationEntity[] newProcessInstance(ProcessInstance processInstance) { return null; }
  @Override public AuthorizationEntity[] newTask(Task task) { return null; }
  @Override public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) { return null; }
  @Override public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) { return null; }
  @Override public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) { return null; }
  @Override public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) { return null; }
  @Override public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) { return null; }
  @Override public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) { return null; }
  @Override public AuthorizationEntity[] newDecisionDefinition(DecisionDefinition decisionDefinition) { return null; }
  @Override public AuthorizationEntity[] newDecisionRequirementsDefinition(DecisionRequirementsDefinition decisionRequirementsDefinition) { return null; }
}
