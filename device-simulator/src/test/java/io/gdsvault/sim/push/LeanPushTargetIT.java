package io.gdsvault.sim.push;

/** Every push test again on a device whose address space was pruned the way fleet mode does it. */
class LeanPushTargetIT extends PushTargetIT {
  @Override
  boolean lean() {
    return true;
  }
}
