import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PlanReview } from '@tiendo/core';
import { api } from '../../api/client.ts';
import { planKeys } from '../api.ts';

// A plan's yearly or five-year review (sơ kết, tổng kết): the figures on screen and the
// .docx report and .xlsx appendices to download. `span` is a year or 'term'.

export const reviewKeys = {
  review: (planId: string, span: string) => [...planKeys.detail(planId), 'review', span] as const,
};

export const usePlanReview = (planId: string, span: string) =>
  useQuery({
    queryKey: reviewKeys.review(planId, span),
    queryFn: () => api<PlanReview>(`/api/plans/${planId}/review?span=${span}`),
    placeholderData: keepPreviousData,
  });

export const reviewFileUrl = (planId: string, span: string, format: 'docx' | 'xlsx') =>
  `/api/plans/${planId}/review.${format}?span=${span}`;
