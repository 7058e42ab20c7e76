import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanConcerns, ProvinceConcerns } from '@tiendo/core';
import { api } from '../api/client.ts';
import type { Concern } from '../api/types.ts';

// Difficulties and proposals (khó khăn, kiến nghị) as the web app reaches them: a plan's, a
// province's, the reporter's own, and the officer's answer. Types: contract/concerns.ts.

export const concernKeys = {
  plan: (planId: number) => ['concerns', planId] as const,
  province: (provinceId: string) => ['province-concerns', provinceId] as const,
  mine: ['my-concerns'] as const,
};

export const usePlanConcerns = (planId: number) =>
  useQuery({
    queryKey: concernKeys.plan(planId),
    queryFn: () => api<PlanConcerns>(`/api/plans/${planId}/concerns`),
  });

export const useProvinceConcerns = (provinceId: string) =>
  useQuery({
    queryKey: concernKeys.province(provinceId),
    queryFn: () => api<ProvinceConcerns>(`/api/provinces/${provinceId}/concerns`),
  });

/** The concerns the reporter's units raised. */
export const useMyConcerns = () =>
  useQuery({
    queryKey: concernKeys.mine,
    queryFn: () => api<Concern[]>('/api/my/concerns'),
  });

export interface ConcernAnswer {
  addressee: string | null;
  answerDue: string | null;
  answer: string | null;
  status?: Concern['status'];
}

/** The officer's answer to a concern (and its new state), with the version seen. */
export function useAnswerConcern(concern: Concern) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: ConcernAnswer) =>
      api(`/api/concerns/${concern.id}`, {
        method: 'PATCH',
        body: { version: concern.version, ...answer },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: concernKeys.plan(concern.planId) }),
  });
}
