package cn.govdata.catalog.application;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the hourly expiry of approvals ({@link ApplicationService#expireAndRepublish}). */
@Configuration
@EnableScheduling
class ApplicationScheduling {}
