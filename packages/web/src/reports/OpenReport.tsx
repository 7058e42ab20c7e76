import { useEffect } from 'react';
import { Alert, Loader } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router-dom';
import { openReport } from './api.ts';

/** The reminder e-mail's link: opens the unit's report for the period (starting it, from the
 *  last period, if need be) and goes straight to it. */
export function OpenReport() {
  const { periodId, unitId } = useParams();
  const open = useMutation({
    mutationFn: () => openReport(periodId!, unitId!),
  });
  const { mutate } = open;
  useEffect(() => mutate(), [mutate]);
  if (open.data) return <Navigate to={`/reports/${open.data.reportId}`} replace />;
  if (open.error)
    return (
      <Alert color="red" role="alert">
        {open.error.message}
      </Alert>
    );
  return <Loader />;
}
