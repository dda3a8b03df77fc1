"""The safety plan through the API: one for each person, written step by step as the plan's page
writes it (earned/safety/services.py). Reading it is `GET /api/safety_plan`, like every kind."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from earned.access import signed_in_user
from earned.api.records import apply, input_schema, router, schema_of, shown
from earned.api.scopes import need
from earned.records.models import Category
from earned.safety import services as safety
from earned.safety.models import STEPS, SafetyPlan

PlanChange = input_schema(SafetyPlan, "SafetyPlanChange", tuple(key for key, _, _ in STEPS))


@router.patch("/safety_plan", response=schema_of("safety_plan"), tags=["safety plan"],
              summary="Write your safety plan (the steps you send; the rest stay)",
              operation_id="update_safety_plan")  # fmt: skip
def write_plan(request: HttpRequest, sent: PlanChange) -> dict[str, Any]:  # type: ignore[valid-type]
    need(request, Category.SAFETY, write=True)
    user = signed_in_user(request)
    plan = safety.plan_of(user)
    apply(user, plan, sent.model_dump(exclude_unset=True))  # type: ignore[attr-defined]
    return shown(safety.save_plan(user, plan))
