package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.ManifestFile;
import java.util.List;

/**
 * What a writer put at the target.
 *
 * @param alreadyThere whether an earlier attempt had committed the delivery, so nothing was written
 */
record Written(long rowCount, long bytes, List<ManifestFile> files, boolean alreadyThere) {

  Written {
    files = List.copyOf(files);
  }
}
