package io.ionstream.actors.campaign;

import io.ionstream.proto.v1.CampaignJob;
import io.ionstream.proto.v1.JobSpec;

/**
 * A validated campaign submission: the spec as submitted, the resolved campaign (structures
 * stored and named, roles and planes explicit; what a restart plans from) and its plan.
 */
public record PreparedCampaign(JobSpec spec, CampaignJob resolved, CampaignPlan plan) {}
