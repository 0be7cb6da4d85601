package cn.govdata.catalog.federation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Harvests the peers below this node every {@code govdata.federation.harvest-interval} (first one
 * interval after start), unless {@code govdata.federation.harvest-enabled} is false.
 */
@Configuration
@EnableScheduling
class HarvestScheduling implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(HarvestScheduling.class);

  private final FederationProperties properties;
  private final HarvestService harvests;

  HarvestScheduling(FederationProperties properties, HarvestService harvests) {
    this.properties = properties;
    this.harvests = harvests;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (!properties.harvestEnabled()) {
      return;
    }
    registrar.addFixedDelayTask(
        new org.springframework.scheduling.config.FixedDelayTask(
            () -> {
              try {
                harvests.harvestBelow();
              } catch (RuntimeException e) {
                LOG.error("scheduled harvest failed", e);
              }
            },
            properties.harvestInterval(),
            properties.harvestInterval()));
  }
}
