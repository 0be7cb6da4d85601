package cn.govdata.catalog.region;

import cn.govdata.governance.codes.Gb2260Regions;
import cn.govdata.governance.codes.RegionDirectory;
import cn.govdata.governance.directory.DirectoryRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The national GB/T 2260 list with its history, and the directory rules that check against it. */
@Configuration
class RegionConfiguration {

  @Bean
  Gb2260Regions regions() {
    return Gb2260Regions.national();
  }

  @Bean
  DirectoryRules directoryRules(RegionDirectory regions) {
    return new DirectoryRules(regions);
  }
}
