/**
 * bpmnlint-plugin-nivel: Nivel's own lint rules, `plugin:nivel/recommended` in .bpmnlintrc.
 * bpmnlint finds each rule by name under rules/; this names the configuration.
 */
const plugin = {
  configs: {
    recommended: {
      rules: {
        "deployment-policy": "error",
      },
    },
  },
};

// CommonJS: bpmnlint require()s a plugin and reads its `configs`
export = plugin;
