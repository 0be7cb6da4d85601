package cn.govdata.catalog.application;

import java.nio.file.Path;

/**
 * Published after an approval, revocation or expiry has been committed and the policies rewritten:
 * other writers of the gateway's policies listen to it and recompile with {@link
 * ApplicationService#compileWithApprovals}.
 *
 * @param policyFile the file the application service wrote
 */
public record ApplicationGrantsChanged(Path policyFile) {}
