using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Control;

/// <summary>A link's policy in a <see cref="ControlPlan"/>.</summary>
/// <param name="Policy">The policy in force.</param>
/// <param name="EmergencyBudget">Its budgets are a separate emergency budget (usage counted apart).</param>
public sealed record LinkOverridePlan(LinkPolicyOptions Policy, bool EmergencyBudget);
