package fi.nivel.engine.policy;

import java.util.HashMap;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.operaton.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.operaton.bpm.engine.impl.el.JuelExpressionManager;
import org.springframework.stereotype.Component;

/**
 * What makes a deployment data rather than code (docs/deployment-policy.md): the policy's parse
 * for every BPMN deployment, expressions evaluated without any Spring bean in reach, and no
 * authorization handed out as a side effect of creating users, groups or tasks.
 */
@Component
public class NivelEnginePlugin implements ProcessEnginePlugin {
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBpmnParseFactory(PolicyBpmnParse::new);
    // Spring's expression manager resolves every bean of the application by name; with an empty
    // bean map a name that is not a variable resolves to nothing.
    configuration.setExpressionManager(new JuelExpressionManager(new HashMap<>()));
    configuration.setResourceAuthorizationProvider(new GrantsNothing());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {}
}
