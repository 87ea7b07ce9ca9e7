package io.integrationhub.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the Azure DevOps pipelines under {@code pipeline-ado/} against the Maven modules and
 * against the reference hub's pipeline defects (spec §7.6). Each check also runs once against a
 * deliberately broken copy, to show that it can fail.
 */
class PipelineDefinitionsTest {

  /** Service modules and the ACR images built from their Dockerfile. */
  static final Map<String, List<String>> SERVICE_IMAGES = serviceImages();

  private static PipelineDefinitions pipelines;

  @BeforeAll
  static void load() {
    pipelines = PipelineDefinitions.load();
  }

  private static Map<String, List<String>> serviceImages() {
    Map<String, List<String>> images = new LinkedHashMap<>();
    images.put("hl7-server", List.of("hl7server"));
    images.put("hl7-transformer-phw", List.of("phw-hl7transformer"));
    images.put("hl7-transformer-chemo", List.of("chemo-hl7transformer"));
    images.put("hl7-transformer-pims", List.of("pims-hl7transformer"));
    images.put("hl7-sender", List.of("hl7sender", "hl7subsndr"));
    images.put("hl7-mock-receiver", List.of("hl7mockreceiver"));
    return images;
  }

  private static String replace(String file, String from, String to) {
    String text = pipelines.text(file);
    assertThat(text).as("%s contains %s", file, from).contains(from);
    return text.replace(from, to);
  }

  @Test
  void everyPipelineFileIsValidYaml() {
    assertThat(pipelines.texts())
        .as("pipeline files")
        .containsKeys(
            "pr-validation.yml",
            PipelineDefinitions.RELEASE,
            PipelineDefinitions.RELEASE_TEMPLATE,
            PipelineDefinitions.DOCKER_TEMPLATE,
            PipelineDefinitions.QUALITY_TEMPLATE);
    assertThat(pipelines.yamlErrors()).isEmpty();
    pipelines.texts().keySet().forEach(f -> assertThat(pipelines.doc(f)).as(f).isNotNull());

    assertThat(pipelines.with("broken.yml", "stages:\n  - stage: A\n   jobs: [").yamlErrors())
        .containsOnlyKeys("broken.yml");
  }

  @Test
  void everyTemplateReferenceResolves() {
    assertThat(pipelines.unresolvedTemplates()).isEmpty();

    assertThat(pipelines.without(PipelineDefinitions.DOCKER_TEMPLATE).unresolvedTemplates())
        .hasSize(7);
    String typo =
        replace(
            PipelineDefinitions.RELEASE,
            "template: templates/release-app.yml",
            "template: release-app.yml");
    assertThat(pipelines.with(PipelineDefinitions.RELEASE, typo).unresolvedTemplates())
        .singleElement()
        .asString()
        .contains("release-app.yml");
  }

  @Test
  void everyModuleNamedIsAModuleOfTheRootPom() {
    Map<String, String> references = pipelines.moduleReferences();
    assertThat(references.values()).containsAll(SERVICE_IMAGES.keySet());
    assertThat(references.keySet())
        .anyMatch(r -> r.contains(": module "))
        .anyMatch(r -> r.contains(": dockerfile "))
        .anyMatch(r -> r.contains(": path filter "));
    assertThat(pipelines.unknownModules()).isEmpty();

    String renamed = replace("hl7server-build.yml", "- hl7-server/**", "- hl7_server/**");
    assertThat(pipelines.with("hl7server-build.yml", renamed).unknownModules())
        .singleElement()
        .asString()
        .contains("hl7_server");
    String dockerfile =
        replace("hl7server-build.yml", "dockerfile: hl7-server/", "dockerfile: hl7server/");
    assertThat(pipelines.with("hl7server-build.yml", dockerfile).unknownModules()).isNotEmpty();
    String appModule =
        replace(PipelineDefinitions.RELEASE, "module: hl7-mock-receiver", "module: mock-receiver");
    assertThat(pipelines.with(PipelineDefinitions.RELEASE, appModule).unknownModules())
        .isNotEmpty();
    assertThat(
            pipelines
                .with("extra.yml", "steps:\n  - script: ./mvnw -B -pl libs/mllp,no-such verify\n")
                .unknownModules())
        .singleElement()
        .asString()
        .contains("no-such");
  }

  @Test
  void imagesBuiltAreExactlyTheImagesReleased() {
    assertThat(pipelines.buildPipelines()).hasSize(7);
    assertThat(pipelines.releaseApps()).hasSize(17);
    assertThat(pipelines.imageMismatches()).isEmpty();

    assertThat(pipelines.without("hl7mockreceiver-build.yml").imageMismatches())
        .anyMatch(p -> p.contains("hl7mockreceiver is released but no build pipeline builds it"));
    String image = replace("hl7pimstransformer-build.yml", "imageName: pims-", "imageName: pims2-");
    assertThat(pipelines.with("hl7pimstransformer-build.yml", image).imageMismatches())
        .anyMatch(p -> p.contains("pims2-hl7transformer is built but no release app deploys it"))
        .anyMatch(p -> p.contains("pims-hl7transformer is released but no build pipeline"));
    String resource =
        replace(
            PipelineDefinitions.RELEASE,
            "buildPipeline: hl7mockreceiver_build",
            "buildPipeline: hl7sender_build");
    assertThat(pipelines.with(PipelineDefinitions.RELEASE, resource).imageMismatches())
        .anyMatch(p -> p.contains("app hl7mockreceiver: hl7sender-build builds hl7sender"));
  }

  @Test
  void everyServiceImageHasABuildPipeline() {
    assertThat(pipelines.servicesWithoutBuildPipeline(SERVICE_IMAGES)).isEmpty();

    assertThat(
            pipelines
                .without("hl7subscriptionsender-build.yml")
                .servicesWithoutBuildPipeline(SERVICE_IMAGES))
        .containsExactly("no build pipeline builds hl7subsndr from hl7-sender");
  }

  @Test
  void buildPipelinesTriggerRecursivelyAndGateTheImageOnQuality() {
    pipelines
        .buildPipelines()
        .forEach(
            (file, parameters) -> {
              Object doc = pipelines.doc(file);
              String module =
                  String.valueOf(parameters.get("dockerfile")).replace("/Dockerfile", "");
              assertThat(PipelineDefinitions.pathFilters(doc))
                  .as(file)
                  .contains(
                      module + "/**",
                      "libs/**",
                      "pom.xml",
                      "pipeline-ado/templates/**",
                      "ca-certs/**");
              Map<?, ?> trigger =
                  PipelineDefinitions.map(PipelineDefinitions.map(doc).get("trigger"));
              assertThat(
                      PipelineDefinitions.list(
                              PipelineDefinitions.map(trigger.get("branches")).get("include"))
                          .stream()
                          .map(String::valueOf)
                          .toList())
                  .as(file)
                  .containsExactlyInAnyOrder("main", "release-*");
              List<?> parametersList =
                  PipelineDefinitions.list(PipelineDefinitions.map(doc).get("parameters"));
              assertThat(parametersList)
                  .as(file)
                  .anyMatch(
                      p ->
                          "SEMANTIC_VERSION".equals(PipelineDefinitions.map(p).get("name"))
                              && "v0.1.0".equals(PipelineDefinitions.map(p).get("default")));
              List<?> stages = PipelineDefinitions.list(PipelineDefinitions.map(doc).get("stages"));
              assertThat(stages).as(file).hasSize(2);
              Map<?, ?> quality = PipelineDefinitions.map(stages.get(0));
              Map<?, ?> image = PipelineDefinitions.map(stages.get(1));
              assertThat(PipelineDefinitions.strings(quality))
                  .as(file)
                  .contains(PipelineDefinitions.QUALITY_TEMPLATE);
              assertThat(image.get("dependsOn")).as(file).isEqualTo(quality.get("stage"));
              assertThat(image.get("condition")).as(file).isEqualTo("succeeded()");
            });
    assertThat(pipelines.nonRecursivePathFilters()).isEmpty();

    String flat = replace("hl7sender-build.yml", "- libs/**", "- libs/*");
    assertThat(pipelines.with("hl7sender-build.yml", flat).nonRecursivePathFilters())
        .singleElement()
        .asString()
        .contains("libs/*");
    String bare = replace("hl7sender-build.yml", "- libs/**", "- libs");
    assertThat(pipelines.with("hl7sender-build.yml", bare).nonRecursivePathFilters())
        .singleElement()
        .asString()
        .contains("names a folder");
  }

  @Test
  void noEqualityCallHasThreeArguments() {
    assertThat(pipelines.badEqualityCalls()).isEmpty();
    assertThat(PipelineDefinitions.countArguments("eq(a, 'x,y'), b)", 3)).isEqualTo(2);
    assertThat(PipelineDefinitions.countArguments("eq(dependencies.A.result, 'Succeeded')", 3))
        .isEqualTo(2);

    String bad =
        replace(
            "hl7server-build.yml",
            "condition: succeeded()",
            "condition: eq(dependencies.CodeQuality.result, 'Succeeded', 'SucceededWithIssues')");
    assertThat(pipelines.with("hl7server-build.yml", bad).badEqualityCalls())
        .singleElement()
        .asString()
        .contains("hl7server-build.yml")
        .contains("3 args");
  }

  @Test
  void trivyScanAndContainerAppUpdateAreBlocking() {
    assertThat(pipelines.nonBlockingGates()).isEmpty();
    assertThat(pipelines.text(PipelineDefinitions.DOCKER_TEMPLATE))
        .doesNotContain("continueOnError");
    assertThat(pipelines.text(PipelineDefinitions.RELEASE_TEMPLATE))
        .doesNotContain("continueOnError")
        .contains("not found in ${RG}");

    String softScan =
        replace(
            PipelineDefinitions.DOCKER_TEMPLATE,
            "        displayName: Trivy scan (HIGH,CRITICAL block the push)\n",
            "        displayName: Trivy scan (HIGH,CRITICAL block the push)\n"
                + "        continueOnError: true\n");
    assertThat(pipelines.with(PipelineDefinitions.DOCKER_TEMPLATE, softScan).nonBlockingGates())
        .singleElement()
        .asString()
        .contains("continueOnError");
    String exitZero =
        replace(PipelineDefinitions.DOCKER_TEMPLATE, "--exit-code 1", "--exit-code 0");
    assertThat(pipelines.with(PipelineDefinitions.DOCKER_TEMPLATE, exitZero).nonBlockingGates())
        .isNotEmpty();
    String softUpdate =
        replace(
            PipelineDefinitions.RELEASE_TEMPLATE,
            "displayName: 'Update container app (${{ app.image }}, ${{ stageEnv.name }})'\n",
            "displayName: 'Update container app (${{ app.image }}, ${{ stageEnv.name }})'\n"
                + "                                  continueOnError: true\n");
    assertThat(pipelines.with(PipelineDefinitions.RELEASE_TEMPLATE, softUpdate).nonBlockingGates())
        .singleElement()
        .asString()
        .contains("continueOnError");
    String pushFirst =
        replace(
            PipelineDefinitions.DOCKER_TEMPLATE,
            "            --load \\\n",
            "            --push \\\n");
    assertThat(pipelines.with(PipelineDefinitions.DOCKER_TEMPLATE, pushFirst).nonBlockingGates())
        .anyMatch(p -> p.contains("must not push"));
  }

  @Test
  void releaseStagesAreUniqueAndNamedByStableId() {
    List<String> names = pipelines.releaseStageNames();
    assertThat(names).hasSize(17 * 4).doesNotHaveDuplicates();
    assertThat(pipelines.releaseStageProblems()).isEmpty();

    List<Object> ids = new ArrayList<>();
    pipelines.releaseApps().forEach(app -> ids.add(app.get("id")));
    List<Object> values = new ArrayList<>();
    for (Object parameter :
        PipelineDefinitions.list(
            PipelineDefinitions.map(pipelines.doc(PipelineDefinitions.RELEASE))
                .get("parameters"))) {
      if ("selectedApp".equals(PipelineDefinitions.map(parameter).get("name"))) {
        values.addAll(PipelineDefinitions.list(PipelineDefinitions.map(parameter).get("values")));
      }
    }
    assertThat(values).first().isEqualTo("all");
    assertThat(values.subList(1, values.size())).containsExactlyElementsOf(ids);

    String duplicate =
        replace(PipelineDefinitions.RELEASE, "- id: pims_hl7server", "- id: phw_hl7server");
    assertThat(pipelines.with(PipelineDefinitions.RELEASE, duplicate).releaseStageProblems())
        .contains("duplicate release stage Release_phw_hl7server_dev");
    String byName =
        replace(
            PipelineDefinitions.RELEASE_TEMPLATE,
            "- stage: Release_${{ app.id }}_",
            "- stage: Release_${{ app.name }}_");
    assertThat(pipelines.with(PipelineDefinitions.RELEASE_TEMPLATE, byName).releaseStageProblems())
        .isNotEmpty();
  }

  @Test
  void releasePromotesOneVersionThroughApprovedEnvironments() {
    List<String> environments = new ArrayList<>();
    List<String> pools = new ArrayList<>();
    pipelines
        .releaseEnvironments()
        .forEach(
            env -> {
              environments.add(env.get("name") + " after " + env.get("after"));
              pools.add(String.valueOf(env.get("pool")));
            });
    assertThat(environments)
        .containsExactly("dev after ", "tst after dev", "ppd after tst", "prd after ppd");
    assertThat(pools)
        .containsExactly(
            "UKS-DHCW-IH-DEV-ADOManagedPool",
            "UKS-DHCW-IH-DEV-ADOManagedPool",
            "UKS-DHCW-IH-PPD-ADOManagedPool",
            "UKS-DHCW-IH-PPD-ADOManagedPool");
    String template = pipelines.text(PipelineDefinitions.RELEASE_TEMPLATE);
    assertThat(template)
        .contains("environment: Integration-Hub-Release-Container-Apps-${{ stageEnv.name }}")
        .contains("- deployment: Deploy")
        .contains("stageDependencies.ResolveVersions.Resolve_${{ app.id }}")
        .contains("az acr import")
        .contains("@$(IMAGE_DIGEST)")
        .contains("-${{ app.image }}-ca")
        .contains("${{ parameters.location }}-${ENV_NAME}-${{ app.image }}-ca");
    assertThat(pipelines.releaseResources().values())
        .allSatisfy(source -> assertThat(pipelines.texts()).containsKey(source + ".yml"));
  }
}
